package io.physforge.platform.queue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.physforge.platform.queue.internal.QueueScripts;
import io.physforge.platform.stream.ConsumesStream;
import io.physforge.platform.stream.RejectedMessageException;
import io.physforge.platform.stream.StreamConsumer;
import io.physforge.platform.stream.StreamConsumerSettings;
import io.physforge.platform.stream.StreamMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the jobs of one stream and consumer group: a {@link StreamConsumer} (claims,
 * re-claims after the lease, dead letters, health) with job semantics on top.
 * <p>
 * For each job message:
 * <ol>
 * <li>its idempotency key already in the ledger ({@code pf:done:<stream>:<key>}): publish
 * {@code completed} again and acknowledge, without running the handler;</li>
 * <li>else run the handler, its lease renewed while it runs. Success: write the ledger,
 * publish {@code completed}, acknowledge. Failure: a cancelled job publishes
 * {@code cancelled}; any other publishes {@code failed} (not retrying; permanent for a
 * {@link PermanentJobFailure} in the cause chain) and is moved to {@code <stream>:dead}
 * with its error. A worker never retries a failed job: the orchestrator owns
 * retries.</li>
 * </ol>
 * The only re-delivery a worker makes on its own is of a job whose worker died or stopped
 * mid-run (the lease expired); a job delivered {@code max-deliveries} times that way is
 * dead-lettered with the reason and published as {@code failed}. A job cancelled while it
 * runs has its handler thread interrupted within about half a second
 * ({@link CancellationWatcher}).
 */
public final class JobWorker implements SmartLifecycle, ConsumesStream {

	private static final Logger logger = LoggerFactory.getLogger(JobWorker.class);

	private static final long CANCEL_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final JobQueue queue;

	private final UnifiedJedis redis;

	private final QueueSettings settings;

	private final JobHandler handler;

	private final StreamConsumer consumer;

	private final CancellationWatcher cancellations;

	JobWorker(JobQueue queue, String stream, String group, JobHandler handler) {
		this.queue = queue;
		this.redis = queue.redis();
		this.settings = queue.settings();
		this.handler = handler;
		StreamConsumerSettings consumerSettings = StreamConsumerSettings.builder(stream, group)
			.consumerName(this.settings.consumerName())
			.threads(this.settings.workerThreads())
			.lease(this.settings.lease())
			.pollTimeout(this.settings.pollTimeout())
			.maxDeliveries(this.settings.maxDeliveries())
			.deadLetterStream(JobQueue.deadLetterStream(stream))
			.deleteAcknowledged(true)
			.build();
		this.consumer = new StreamConsumer(this.redis, consumerSettings, this::handle, this::deadLettered);
		this.cancellations = new CancellationWatcher(queue);
	}

	/** Starts consuming (the group is created, reading from the start of the stream). */
	@Override
	public void start() {
		this.cancellations.start(group());
		this.consumer.start();
	}

	/** Stops taking messages and waits up to 30 s for running handlers. */
	@Override
	public void stop() {
		this.consumer.stop();
		this.cancellations.stop();
	}

	/**
	 * Stops taking messages, waits for running handlers (which see
	 * {@link JobContext#cancelled()}), then interrupts those still running. A message
	 * whose handler did not finish stays pending and is re-claimed after the lease.
	 * @param timeout how long to wait
	 * @return {@code true} if every thread ended in time
	 */
	public boolean stop(Duration timeout) {
		boolean clean = this.consumer.stop(timeout);
		this.cancellations.stop();
		return clean;
	}

	@Override
	public boolean isRunning() {
		return this.consumer.isRunning();
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.consume();
	}

	@Override
	public StreamConsumer streamConsumer() {
		return this.consumer;
	}

	/**
	 * @return the stream consumed
	 */
	public String stream() {
		return this.consumer.settings().stream();
	}

	/**
	 * @return the consumer group
	 */
	public String group() {
		return this.consumer.settings().group();
	}

	/**
	 * @return {@code <stream>:dead}, where failed jobs go
	 */
	public String deadLetterStream() {
		return this.consumer.settings().deadLetterStream();
	}

	private void handle(StreamMessage entry) throws RejectedMessageException {
		JobMessage message;
		try {
			message = JobMessage.fromFields(entry.fields(), (int) Math.min(Integer.MAX_VALUE, entry.deliveries()));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedMessageException("malformed job message: " + ex.getMessage(), ex);
		}
		String doneKey = QueueScripts.doneKey(stream(), message.idempotencyKey());
		if (this.redis.exists(doneKey)) {
			logger.info("Job {} ({}) already completed; acknowledging re-delivery {} without running it",
					message.jobId(), message.idempotencyKey(), entry.id());
			this.queue.events().completed(message);
			return;
		}
		Throwable failure = null;
		this.cancellations.watch(message.jobId());
		try {
			this.handler.handle(message, new Context(message));
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finally {
			this.cancellations.done();
		}
		if (failure == null) {
			this.redis.set(doneKey, "1", SetParams.setParams().nx().ex(this.settings.completedTtl().toSeconds()));
			this.queue.events().completed(message);
			return;
		}
		failed(message, failure);
	}

	private void failed(JobMessage message, Throwable failure) throws RejectedMessageException {
		String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		if (this.queue.isCancelled(message.jobId())) {
			logger.info("Job {} cancelled ({})", message.jobId(), error);
			this.queue.events().cancelled(message);
			return;
		}
		if (!this.consumer.isRunning()) {
			logger.info("Job {} interrupted by shutdown ({}); it will be re-claimed", message.jobId(), error);
			throw new IllegalStateException("interrupted by shutdown: " + error, failure);
		}
		PermanentJobFailure permanent = PermanentJobFailure.find(failure);
		if (permanent != null) {
			this.queue.events().failedPermanently(message, permanent.getMessage());
			throw new RejectedMessageException(permanent.getMessage(), failure);
		}
		logger.warn("Job {} failed on delivery {}; not retried here (the orchestrator owns retries): {}",
				message.jobId(), message.attempt(), error);
		this.queue.events().failed(message, error, false);
		throw new RejectedMessageException(error, failure);
	}

	private void deadLettered(StreamMessage entry, String reason) {
		try {
			JobMessage message = JobMessage.fromFields(entry.fields(),
					(int) Math.min(Integer.MAX_VALUE, entry.deliveries()));
			this.queue.events().failed(message, reason, false);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Dead-lettered malformed entry {} of {}: {}", entry.id(), stream(), ex.getMessage());
		}
	}

	private final class Context implements JobContext {

		private final JobMessage message;

		private long checkedAt = System.nanoTime() - CANCEL_CHECK_NANOS;

		private boolean cancelled;

		Context(JobMessage message) {
			this.message = message;
		}

		@Override
		public void progress(double fraction, String text) {
			JobWorker.this.queue.events().progress(this.message, fraction, text);
		}

		@Override
		public boolean cancelled() {
			if (!JobWorker.this.consumer.isRunning() || Thread.currentThread().isInterrupted()) {
				return true;
			}
			long now = System.nanoTime();
			if (!this.cancelled && now - this.checkedAt >= CANCEL_CHECK_NANOS) {
				this.checkedAt = now;
				this.cancelled = JobWorker.this.queue.isCancelled(this.message.jobId());
			}
			return this.cancelled;
		}

	}

}
