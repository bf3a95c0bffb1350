package io.physforge.orchestration.outbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.physforge.orchestration.config.OrchestrationProperties;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-publishes jobs Redis lost. A job that is still {@code queued} (no worker reported on
 * it) although it was published more than {@code republish-after} ago, whose message is
 * not in its stream {@code pf:jobs:<queue>} (neither waiting nor pending) and whose
 * attempt is not in the worker's completion ledger, is published again from the payload
 * kept in PostgreSQL: with its own idempotency key {@code <jobId>:<attempt>}, or
 * {@code <jobId>:<attempt>:r<n>} when Redis still remembers that key (only the stream was
 * lost). Runs on start and every {@code reconcile-interval}, on one instance at a time (a
 * PostgreSQL advisory lock).
 */
@Component
public class Republisher {

	private static final Logger logger = LoggerFactory.getLogger(Republisher.class);

	/** Advisory lock key of the re-publisher ("pf-orch-republish"). */
	private static final long LOCK = 0x7066_6f72_6368_7231L;

	private final JdbcClient jdbc;

	private final JobQueue queue;

	private final UnifiedJedis redis;

	private final TransactionTemplate transactions;

	private final OrchestrationProperties properties;

	public Republisher(JdbcClient jdbc, JobQueue queue, UnifiedJedis redis, TransactionTemplate transactions,
			OrchestrationProperties properties) {
		this.jdbc = jdbc;
		this.queue = queue;
		this.redis = redis;
		this.transactions = transactions;
		this.properties = properties;
	}

	/**
	 * Checks queued jobs against their streams and re-publishes the missing ones.
	 * @return how many jobs were re-published
	 */
	public int reconcile() {
		Integer count = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
				.param("lock", LOCK)
				.query(Boolean.class)
				.single();
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<Candidate> candidates = this.jdbc
				.sql("SELECT j.id, j.queue, j.attempts, j.republished, o.payload FROM job j "
						+ "JOIN outbox o ON o.job_id = j.id AND o.attempt = j.attempts "
						+ "WHERE j.status = 'queued' AND j.published_at IS NOT NULL "
						+ "AND j.published_at < now() - make_interval(secs => :grace) ORDER BY j.published_at LIMIT 500")
				.param("grace", this.properties.republishAfter().toMillis() / 1000.0)
				.query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
						rs.getInt(4), rs.getString(5)))
				.list();
			Map<String, Set<String>> present = new HashMap<>();
			int republished = 0;
			for (Candidate job : candidates) {
				String stream = JobQueue.streamFor(job.queue);
				if (present.computeIfAbsent(stream, this::jobIdsIn).contains(job.id.toString())) {
					continue;
				}
				String key = Outbox.idempotencyKey(job.id, job.attempt);
				if (this.queue.isCompleted(stream, key)) {
					continue; // done; its completed event is on its way
				}
				boolean added = publish(job, key);
				if (!added) {
					added = publish(job, key + ":r" + (job.republished + 1));
				}
				this.jdbc
					.sql("UPDATE job SET republished = republished + 1, published_at = now(), updated_at = now() "
							+ "WHERE id = :id AND attempts = :attempt AND status = 'queued'")
					.param("id", job.id)
					.param("attempt", job.attempt)
					.update();
				logger.warn("Job {} attempt {} was missing from {} (Redis lost it); re-published from PostgreSQL{}",
						job.id, job.attempt, stream, added ? "" : " (refused as duplicate)");
				republished++;
			}
			return republished;
		});
		return (count != null) ? count : 0;
	}

	private boolean publish(Candidate job, String key) {
		return this.queue.publish(new JobMessage(job.id.toString(), job.queue, key, job.payload, 0, null));
	}

	private Set<String> jobIdsIn(String stream) {
		Set<String> ids = new HashSet<>();
		String start = "-";
		while (true) {
			List<StreamEntry> entries = this.redis.xrange(stream, start, "+", 1000);
			for (StreamEntry entry : entries) {
				if (entry.getFields() != null && entry.getFields().get("jobId") != null) {
					ids.add(entry.getFields().get("jobId"));
				}
			}
			if (entries.size() < 1000) {
				return ids;
			}
			start = "(" + entries.get(entries.size() - 1).getID();
		}
	}

	private record Candidate(UUID id, String queue, int attempt, int republished, String payload) {

	}

}
