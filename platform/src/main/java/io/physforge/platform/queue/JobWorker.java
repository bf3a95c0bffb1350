package io.physforge.platform.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.physforge.platform.queue.internal.QueueScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

import org.springframework.context.SmartLifecycle;

/**
 * Consumes one stream with one consumer group on {@code worker-threads} threads.
 * <p>
 * Each thread first re-claims (XAUTOCLAIM) a message idle longer than the lease, whoever
 * held it, then reads new messages (XREADGROUP, blocking up to {@code poll-timeout}). For
 * each message:
 * <ol>
 * <li>its idempotency key already in the ledger ({@code pf:done:<stream>:<key>}): publish
 * {@code completed} again, acknowledge, skip the handler;</li>
 * <li>delivered more than {@code max-attempts} times (its consumers died):
 * dead-letter;</li>
 * <li>else run the handler, renewing the lease every third of it while it runs. Success:
 * write the ledger, publish {@code completed}, acknowledge and delete the entry. Failure:
 * record the error, publish {@code failed}; after {@code max-attempts} failures move the
 * message to {@code <stream>:dead} with the error, else let it be re-claimed after
 * {@code retry-delay}. A failure of a cancelled job publishes {@code cancelled} and is
 * not retried. A {@link PermanentJobFailure} (anywhere in the failure's cause chain) is
 * dead-lettered at once and published as a permanent failure.</li>
 * </ol>
 * The attempt number is Redis' delivery count of the entry, so deliveries to consumers
 * that died count too.
 */
public final class JobWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JobWorker.class);

	private static final long NO_RETRY = Long.MIN_VALUE;

	private static final long CANCEL_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final JobQueue queue;

	private final UnifiedJedis redis;

	private final QueueSettings settings;

	private final String stream;

	private final String group;

	private final String deadStream;

	private final String errorsKey;

	private final JobHandler handler;

	private final AtomicBoolean running = new AtomicBoolean();

	private final Map<StreamEntryID, String> inFlight = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private ScheduledExecutorService leaseRenewal;

	JobWorker(JobQueue queue, String stream, String group, JobHandler handler) {
		this.queue = queue;
		this.redis = queue.redis();
		this.settings = queue.settings();
		this.stream = stream;
		this.group = group;
		this.deadStream = JobQueue.deadLetterStream(stream);
		this.errorsKey = QueueScripts.errorsKey(stream);
		this.handler = handler;
	}

	/**
	 * Creates the consumer group if needed (reading from the start of the stream) and
	 * starts the consumer threads.
	 */
	@Override
	public synchronized void start() {
		if (this.running.get()) {
			return;
		}
		createGroup();
		this.running.set(true);
		this.leaseRenewal = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "job-lease-" + this.group);
			thread.setDaemon(true);
			return thread;
		});
		long renewEvery = Math.max(10, this.settings.lease().toMillis() / 3);
		this.leaseRenewal.scheduleAtFixedRate(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
		for (int i = 0; i < this.settings.workerThreads(); i++) {
			String consumer = this.settings.consumerName() + "-" + i;
			Thread thread = new Thread(() -> consume(consumer), "job-worker-" + this.group + "-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
		logger.info("Consuming {} as group {} with {} thread(s), lease {}, max attempts {}", this.stream, this.group,
				this.settings.workerThreads(), this.settings.lease(), this.settings.maxAttempts());
	}

	/**
	 * Stops taking messages and waits up to 30 s for running handlers.
	 */
	@Override
	public void stop() {
		stop(Duration.ofSeconds(30));
	}

	/**
	 * Stops taking messages, waits for running handlers (which see
	 * {@link JobContext#cancelled()}), then interrupts those still running. A message
	 * whose handler did not finish stays pending and is re-claimed by another consumer
	 * after the lease.
	 * @param timeout how long to wait
	 * @return {@code true} if every thread ended in time
	 */
	public synchronized boolean stop(Duration timeout) {
		if (!this.running.getAndSet(false)) {
			return true;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean clean = true;
		for (Thread thread : this.threads) {
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (thread.isAlive()) {
				clean = false;
				thread.interrupt();
			}
		}
		this.threads.clear();
		this.leaseRenewal.shutdownNow();
		logger.info("Stopped consuming {} ({})", this.stream, clean ? "clean" : "handlers interrupted");
		return clean;
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.consume();
	}

	/**
	 * The stream consumed.
	 * @return the stream
	 */
	public String stream() {
		return this.stream;
	}

	/**
	 * The consumer group.
	 * @return the group
	 */
	public String group() {
		return this.group;
	}

	/**
	 * Where messages go after {@code max-attempts} failures.
	 * @return {@code <stream>:dead}
	 */
	public String deadLetterStream() {
		return this.deadStream;
	}

	private void createGroup() {
		try {
			this.redis.xgroupCreate(this.stream, this.group, new StreamEntryID(0, 0), true);
		}
		catch (JedisDataException ex) {
			if (ex.getMessage() == null || !ex.getMessage().startsWith("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	private void consume(String consumer) {
		long reclaimInterval = Math.min(5_000_000_000L, Math.max(100_000_000L, this.settings.lease().toNanos() / 4));
		long nextReclaim = System.nanoTime();
		StreamEntryID cursor = new StreamEntryID(0, 0);
		while (this.running.get()) {
			try {
				long now = System.nanoTime();
				if (now - nextReclaim >= 0) {
					Map.Entry<StreamEntryID, List<StreamEntry>> claimed = this.redis.xautoclaim(this.stream, this.group,
							consumer, this.settings.lease().toMillis(), cursor,
							XAutoClaimParams.xAutoClaimParams().count(1));
					cursor = claimed.getKey();
					if (!claimed.getValue().isEmpty()) {
						StreamEntry entry = claimed.getValue().get(0);
						logger.info("{} re-claimed {} from {} (idle longer than the lease or retrying)", consumer,
								entry.getID(), this.stream);
						nextReclaim = earlier(nextReclaim, process(consumer, entry, deliveryCount(entry.getID())));
						continue;
					}
					if (cursor.equals(new StreamEntryID(0, 0))) {
						nextReclaim = now + reclaimInterval;
					}
				}
				long block = Math.max(10, Math.min(this.settings.pollTimeout().toMillis(),
						TimeUnit.NANOSECONDS.toMillis(nextReclaim - System.nanoTime())));
				List<Map.Entry<String, List<StreamEntry>>> batches = this.redis.xreadGroup(this.group, consumer,
						XReadGroupParams.xReadGroupParams().count(1).block((int) block),
						Map.of(this.stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
				if (batches != null) {
					for (Map.Entry<String, List<StreamEntry>> batch : batches) {
						for (StreamEntry entry : batch.getValue()) {
							nextReclaim = earlier(nextReclaim, process(consumer, entry, 1));
						}
					}
				}
			}
			catch (JedisException ex) {
				if (!this.running.get()) {
					break;
				}
				if (ex.getMessage() != null && ex.getMessage().startsWith("NOGROUP")) {
					createGroup();
					continue;
				}
				logger.warn("{} on {}: {}; retrying in 1 s", consumer, this.stream, ex.getMessage());
				sleepQuietly(1000);
			}
			catch (RuntimeException ex) {
				// a bug or a Redis reply we did not expect: keep the consumer alive
				logger.error("{} on {}: unexpected failure; continuing in 1 s", consumer, this.stream, ex);
				sleepQuietly(1000);
			}
		}
	}

	private static long earlier(long nextReclaim, long retryAt) {
		return (retryAt != NO_RETRY && retryAt - nextReclaim < 0) ? retryAt : nextReclaim;
	}

	private long deliveryCount(StreamEntryID id) {
		List<StreamPendingEntry> pending = this.redis.xpending(this.stream, this.group,
				XPendingParams.xPendingParams(id, id, 1));
		return pending.isEmpty() ? 1 : pending.get(0).getDeliveredTimes();
	}

	/**
	 * Handles one entry.
	 * @return when a retry of it becomes claimable ({@link System#nanoTime()}), or
	 * {@link #NO_RETRY}
	 */
	private long process(String consumer, StreamEntry entry, long delivered) {
		StreamEntryID id = entry.getID();
		Map<String, String> fields = entry.getFields();
		if (fields == null) {
			// deleted while pending (Redis 6.2 reports such entries with no fields)
			acknowledge(id);
			return NO_RETRY;
		}
		int attempt = (int) Math.min(Integer.MAX_VALUE, delivered);
		JobMessage message;
		try {
			message = JobMessage.fromFields(fields, attempt);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Dead-lettering malformed entry {} of {}: {}", id, this.stream, ex.getMessage());
			deadLetter(fields, id, attempt, ex.getMessage());
			return NO_RETRY;
		}
		String doneKey = QueueScripts.doneKey(this.stream, message.idempotencyKey());
		if (this.redis.exists(doneKey)) {
			logger.info("Job {} ({}) already completed; acknowledging re-delivery {} without running it",
					message.jobId(), message.idempotencyKey(), id);
			this.queue.events().completed(message);
			acknowledge(id);
			return NO_RETRY;
		}
		if (attempt > this.settings.maxAttempts()) {
			String last = this.redis.hget(this.errorsKey, id.toString());
			String error = (last != null) ? last
					: "the consumer stopped or died during each of " + (attempt - 1) + " attempts";
			logger.warn("Job {} delivered {} times (max {}); dead-lettering: {}", message.jobId(), attempt,
					this.settings.maxAttempts(), error);
			this.queue.events().failed(message, error, false);
			deadLetter(fields, id, attempt - 1, error);
			return NO_RETRY;
		}
		Throwable failure = null;
		this.inFlight.put(id, consumer);
		try {
			this.handler.handle(message, new Context(message));
		}
		catch (Exception | StackOverflowError | NoClassDefFoundError | AssertionError ex) {
			failure = ex;
		}
		finally {
			this.inFlight.remove(id);
		}
		if (failure == null) {
			this.redis.set(doneKey, "1", SetParams.setParams().nx().ex(this.settings.completedTtl().toSeconds()));
			this.queue.events().completed(message);
			acknowledge(id);
			return NO_RETRY;
		}
		return failed(consumer, fields, id, message, failure);
	}

	private long failed(String consumer, Map<String, String> fields, StreamEntryID id, JobMessage message,
			Throwable failure) {
		String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		if (this.queue.isCancelled(message.jobId())) {
			logger.info("Job {} cancelled ({})", message.jobId(), error);
			this.queue.events().cancelled(message);
			acknowledge(id);
			return NO_RETRY;
		}
		if (!this.running.get()) {
			logger.info("Job {} interrupted by shutdown ({}); it will be re-claimed", message.jobId(), error);
			return NO_RETRY;
		}
		PermanentJobFailure permanent = PermanentJobFailure.find(failure);
		if (permanent != null) {
			error = permanent.getMessage();
			logger.warn("Job {} failed permanently on attempt {}; dead-lettering to {} without retrying: {}",
					message.jobId(), message.attempt(), this.deadStream, error);
			this.queue.events().failedPermanently(message, error);
			deadLetter(fields, id, message.attempt(), error);
			return NO_RETRY;
		}
		this.redis.hset(this.errorsKey, id.toString(), "attempt " + message.attempt() + ": " + error);
		if (message.attempt() >= this.settings.maxAttempts()) {
			logger.warn("Job {} failed attempt {} of {}; dead-lettering to {}", message.jobId(), message.attempt(),
					this.settings.maxAttempts(), this.deadStream, failure);
			this.queue.events().failed(message, error, false);
			deadLetter(fields, id, message.attempt(), error);
			return NO_RETRY;
		}
		else {
			logger.info("Job {} failed attempt {} of {}, retrying in {}: {}", message.jobId(), message.attempt(),
					this.settings.maxAttempts(), this.settings.retryDelay(), error);
			this.queue.events().failed(message, error, true);
			long idle = Math.max(0, this.settings.lease().minus(this.settings.retryDelay()).toMillis());
			QueueScripts.setIdleIfOwner(this.redis, this.stream, this.group, consumer, id, idle);
			return System.nanoTime() + this.settings.lease().toNanos() - TimeUnit.MILLISECONDS.toNanos(idle);
		}
	}

	private void deadLetter(Map<String, String> fields, StreamEntryID id, int attempts, String error) {
		Map<String, String> dead = new LinkedHashMap<>(fields);
		dead.put("error", (error != null) ? error : "unknown");
		dead.put("attempts", Integer.toString(attempts));
		dead.put("stream", this.stream);
		dead.put("originalId", id.toString());
		dead.put("deadAt", Instant.now().toString());
		try (AbstractTransaction transaction = this.redis.multi()) {
			transaction.xadd(this.deadStream, StreamEntryID.NEW_ENTRY, dead);
			acknowledge(transaction, id);
			transaction.exec();
		}
	}

	private void acknowledge(StreamEntryID id) {
		try (AbstractTransaction transaction = this.redis.multi()) {
			acknowledge(transaction, id);
			transaction.exec();
		}
	}

	private void acknowledge(AbstractTransaction transaction, StreamEntryID id) {
		transaction.xack(this.stream, this.group, id);
		transaction.xdel(this.stream, id);
		transaction.hdel(this.errorsKey, id.toString());
	}

	private void renewLeases() {
		this.inFlight.forEach((id, consumer) -> {
			try {
				if (!QueueScripts.setIdleIfOwner(this.redis, this.stream, this.group, consumer, id, 0)) {
					logger.warn("{} lost the lease of {} on {}: another consumer re-claimed it", consumer, id,
							this.stream);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not renew the lease of {} on {}: {}", id, this.stream, ex.getMessage());
			}
		});
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
			if (!JobWorker.this.running.get() || Thread.currentThread().isInterrupted()) {
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
