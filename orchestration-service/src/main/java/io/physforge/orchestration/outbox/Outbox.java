package io.physforge.orchestration.outbox;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes outbox rows; call inside the transaction that changes the job.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;

	public Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a message to publish.
	 * @param jobId the job
	 * @param attempt its attempt number
	 * @param queue the queue (job type on the platform queue)
	 * @param payload the job payload JSON
	 * @param delayMillis how long to wait before publishing
	 */
	public void add(UUID jobId, int attempt, String queue, String payload, long delayMillis) {
		this.jdbc
			.sql("INSERT INTO outbox (job_id, attempt, queue, idempotency_key, payload, available_at) "
					+ "VALUES (:job, :attempt, :queue, :key, :payload, now() + make_interval(secs => :delay))")
			.param("job", jobId)
			.param("attempt", attempt)
			.param("queue", queue)
			.param("key", idempotencyKey(jobId, attempt))
			.param("payload", payload)
			.param("delay", delayMillis / 1000.0)
			.update();
	}

	/**
	 * The payload of a job's attempt.
	 * @param jobId the job
	 * @param attempt the attempt
	 * @return its payload, empty if none was written
	 */
	public Optional<String> payload(UUID jobId, int attempt) {
		return this.jdbc.sql("SELECT payload FROM outbox WHERE job_id = :job AND attempt = :attempt")
			.param("job", jobId)
			.param("attempt", attempt)
			.query(String.class)
			.optional();
	}

	/**
	 * The idempotency key of a job's attempt.
	 * @param jobId the job
	 * @param attempt the attempt
	 * @return {@code <jobId>:<attempt>}
	 */
	public static String idempotencyKey(UUID jobId, int attempt) {
		return jobId + ":" + attempt;
	}

}
