package io.physforge.platform.queue;

import java.util.Objects;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Publishes {@link JobEvent}s to {@code pf:job-events} (capped at about
 * {@code events-max-length} entries). Consumers must tolerate an event seen twice: a job
 * re-delivered after completion publishes {@code completed} again.
 */
public class JobEvents {

	/** The stream of job events. */
	public static final String STREAM = "pf:job-events";

	private final UnifiedJedis redis;

	private final long maxLength;

	/**
	 * Creates a publisher.
	 * @param redis the Redis client
	 * @param maxLength approximate cap of the stream length
	 */
	public JobEvents(UnifiedJedis redis, long maxLength) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.maxLength = maxLength;
	}

	/**
	 * Publishes an event.
	 * @param event the event
	 * @return its stream entry id
	 */
	public StreamEntryID publish(JobEvent event) {
		return this.redis.xadd(STREAM, XAddParams.xAddParams().maxLen(this.maxLength).approximateTrimming(),
				event.toFields());
	}

	/**
	 * Publishes progress of a job.
	 * @param job the job
	 * @param fraction done so far, clamped to 0..1
	 * @param message short description, may be {@code null}
	 */
	public void progress(JobMessage job, double fraction, String message) {
		double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
		publish(new JobEvent(JobEvent.Kind.PROGRESS, job.jobId(), job.type(), job.attempt(), clamped, message, null,
				false, null, job.idempotencyKey()));
	}

	/**
	 * Publishes that a job completed.
	 * @param job the job
	 */
	public void completed(JobMessage job) {
		publish(new JobEvent(JobEvent.Kind.COMPLETED, job.jobId(), job.type(), job.attempt(), null, null, null, false,
				null, job.idempotencyKey()));
	}

	/**
	 * Publishes that an attempt failed.
	 * @param job the job
	 * @param error what went wrong
	 * @param retrying whether another attempt follows
	 */
	public void failed(JobMessage job, String error, boolean retrying) {
		publish(new JobEvent(JobEvent.Kind.FAILED, job.jobId(), job.type(), job.attempt(), null, null, error, retrying,
				null, job.idempotencyKey()));
	}

	/**
	 * Publishes that a job failed in a way no attempt can fix ({@code retrying=false},
	 * {@code permanent=true}).
	 * @param job the job
	 * @param error what went wrong and how to fix it
	 */
	public void failedPermanently(JobMessage job, String error) {
		publish(new JobEvent(JobEvent.Kind.FAILED, job.jobId(), job.type(), job.attempt(), null, null, error, false,
				null, job.idempotencyKey(), true));
	}

	/**
	 * Publishes that a job stopped because it was cancelled.
	 * @param job the job
	 */
	public void cancelled(JobMessage job) {
		publish(new JobEvent(JobEvent.Kind.CANCELLED, job.jobId(), job.type(), job.attempt(), null, null, null, false,
				null, job.idempotencyKey()));
	}

}
