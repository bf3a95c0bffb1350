package io.physforge.platform.queue;

import java.time.Duration;
import java.util.Objects;

import io.physforge.platform.queue.internal.QueueScripts;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Publishes jobs to Redis Streams and makes {@link JobWorker}s that consume them.
 *
 * <pre>{@code
 * queue.publish(JobMessage.create("derivatives", "dataset-42:fd", payloadJson));
 *
 * &#64;Bean
 * JobWorker derivativeWorker(JobQueue queue, DerivativeHandler handler) {
 *     return queue.worker("derivatives", handler); // started and stopped with the context
 * }
 * }</pre>
 */
public class JobQueue {

	/** Prefix of job streams: jobs of type {@code T} go to {@code pf:jobs:T}. */
	public static final String STREAM_PREFIX = "pf:jobs:";

	private final UnifiedJedis redis;

	private final QueueSettings settings;

	private final JobEvents events;

	/**
	 * Creates a queue.
	 * @param redis the Redis client
	 * @param settings the settings
	 * @param events where workers publish job events
	 */
	public JobQueue(UnifiedJedis redis, QueueSettings settings, JobEvents events) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.events = Objects.requireNonNull(events, "events");
	}

	/**
	 * The stream of a job type.
	 * @param type the job type
	 * @return {@code pf:jobs:<type>}
	 */
	public static String streamFor(String type) {
		return STREAM_PREFIX + type;
	}

	/**
	 * The consumer group of a job type.
	 * @param type the job type
	 * @return {@code <type>-workers}
	 */
	public static String groupFor(String type) {
		return type + "-workers";
	}

	/**
	 * The dead-letter stream of a stream.
	 * @param stream the stream
	 * @return {@code <stream>:dead}
	 */
	public static String deadLetterStream(String stream) {
		return stream + ":dead";
	}

	/**
	 * Publishes a job to the stream of its type.
	 * @param message the job
	 * @return {@code true} if added, {@code false} if a job with the same idempotency key
	 * was published to that stream within {@code idempotency-ttl}
	 */
	public boolean publish(JobMessage message) {
		return publish(streamFor(message.type()), message);
	}

	/**
	 * Publishes a job to a stream. The duplicate check and the add are one atomic step.
	 * @param stream the stream
	 * @param message the job
	 * @return {@code true} if added, {@code false} for a duplicate idempotency key
	 */
	public boolean publish(String stream, JobMessage message) {
		Objects.requireNonNull(stream, "stream");
		String id = QueueScripts.publishOnce(this.redis, QueueScripts.publishedKey(stream, message.idempotencyKey()),
				Math.max(1, this.settings.idempotencyTtl().toSeconds()), stream, message.toFields());
		return id != null;
	}

	/**
	 * Marks a job cancelled for a day: its handler sees {@link JobContext#cancelled()},
	 * and a failure after cancellation is not retried.
	 * @param jobId the job id
	 */
	public void cancel(String jobId) {
		this.redis.set(QueueScripts.cancelKey(jobId), "1", SetParams.setParams().ex(Duration.ofDays(1).toSeconds()));
	}

	/**
	 * Whether a job was cancelled.
	 * @param jobId the job id
	 * @return {@code true} if cancelled
	 */
	public boolean isCancelled(String jobId) {
		return this.redis.exists(QueueScripts.cancelKey(jobId));
	}

	/**
	 * Whether a job with this idempotency key completed on this stream (within
	 * {@code completed-ttl}).
	 * @param stream the stream
	 * @param idempotencyKey the key
	 * @return {@code true} if completed
	 */
	public boolean isCompleted(String stream, String idempotencyKey) {
		return this.redis.exists(QueueScripts.doneKey(stream, idempotencyKey));
	}

	/**
	 * A worker for the jobs of a type: group {@code <type>-workers} on
	 * {@code pf:jobs:<type>}. Not started yet; as a Spring bean it starts with the
	 * context when {@code physforge.queue.consume} is true.
	 * @param type the job type
	 * @param handler runs each job
	 * @return the worker
	 */
	public JobWorker worker(String type, JobHandler handler) {
		return worker(streamFor(type), groupFor(type), handler);
	}

	/**
	 * A worker on any stream and group.
	 * @param stream the stream
	 * @param group the consumer group
	 * @param handler runs each job
	 * @return the worker
	 */
	public JobWorker worker(String stream, String group, JobHandler handler) {
		return new JobWorker(this, stream, group, handler);
	}

	/**
	 * The settings.
	 * @return the settings
	 */
	public QueueSettings settings() {
		return this.settings;
	}

	UnifiedJedis redis() {
		return this.redis;
	}

	JobEvents events() {
		return this.events;
	}

}
