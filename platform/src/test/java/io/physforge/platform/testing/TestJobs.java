package io.physforge.platform.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.queue.JobContext;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobHandler;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.queue.JobQueue;
import redis.clients.jedis.UnifiedJedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a worker service's job tests share: publishing to the test stream, delivering one
 * job concurrently to the handler, the events and JSON they check, and removing the test
 * stream afterwards.
 */
public final class TestJobs {

	private static final ObjectMapper JSON = new ObjectMapper();

	private TestJobs() {
	}

	/**
	 * @param type a job type
	 * @return a job stream of that type for this JVM alone,
	 * {@code pf:jobs:<type>-test-<uuid>}
	 */
	public static String testStream(String type) {
		return JobQueue.streamFor(type + "-test-" + UUID.randomUUID());
	}

	/**
	 * Publishes a job to the stream the worker under test consumes.
	 * @param queue the queue
	 * @param stream the test stream
	 * @param jobId the job id
	 * @param type the job type
	 * @param idempotencyKey the idempotency key, may be {@code null}
	 * @param payload the payload
	 * @return the published message
	 */
	public static JobMessage publish(JobQueue queue, String stream, String jobId, String type, String idempotencyKey,
			String payload) {
		JobMessage message = new JobMessage(jobId, type, idempotencyKey, payload, 0, null);
		assertThat(queue.publish(stream, message)).isTrue();
		return message;
	}

	/**
	 * Hands one job to a handler as {@code deliveries} concurrent deliveries (idempotency
	 * keys {@code <jobId>:1}, {@code <jobId>:2}, ...) that are never cancelled, and waits
	 * for all of them.
	 * @param handler the handler under test
	 * @param jobId the job id
	 * @param type the job type
	 * @param payload the payload
	 * @param deliveries how many
	 * @param timeout how long each may take
	 * @throws Exception what a delivery threw
	 */
	public static void deliverConcurrently(JobHandler handler, String jobId, String type, String payload,
			int deliveries, Duration timeout) throws Exception {
		JobContext context = running();
		ExecutorService pool = Executors.newFixedThreadPool(deliveries);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int attempt = 1; attempt <= deliveries; attempt++) {
				JobMessage message = new JobMessage(jobId, type, jobId + ":" + attempt, payload, 1, null);
				runs.add(pool.submit(() -> {
					handler.handle(message, context);
					return null;
				}));
			}
			for (Future<?> run : runs) {
				run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * @return the context of a job that is never cancelled and whose progress is dropped
	 */
	public static JobContext running() {
		return new JobContext() {

			@Override
			public void progress(double fraction, String message) {
			}

			@Override
			public boolean cancelled() {
				return false;
			}

		};
	}

	/**
	 * Deletes a test job stream and its dead-letter stream (from {@code @AfterAll}).
	 * @param stream the test stream
	 */
	public static void removeStream(String stream) {
		try (UnifiedJedis redis = new UnifiedJedis(TestServers.infra().redis().url())) {
			redis.del(stream, JobQueue.deadLetterStream(stream));
		}
	}

	/**
	 * @param event a job event
	 * @return whether it is a {@code completed} event with a result
	 */
	public static boolean completedWithResult(JobEvent event) {
		return event.kind() == JobEvent.Kind.COMPLETED && event.message() != null;
	}

	/**
	 * @param json JSON text
	 * @return its tree
	 */
	public static JsonNode parse(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param items an array of objects
	 * @return their {@code id} members
	 */
	public static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.path("id").asText()));
		return ids;
	}

}
