package io.physforge.platform.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.physforge.platform.stream.internal.StreamEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.context.SmartLifecycle;

/**
 * Consumes one stream as one consumer group on {@code threads} threads; the one consumer
 * loop of the platform.
 * <p>
 * Each thread re-claims entries idle longer than the lease (XAUTOCLAIM: their consumer
 * died, or a failed delivery's retry delay passed) before it reads new ones (XREADGROUP
 * {@code >}), and hands them to the {@link StreamHandler} (in batches of up to
 * {@code batch-size}; a failed batch is handed over again one entry at a time). A handled
 * entry is acknowledged. A failed one stays pending, its reason kept in
 * {@code <stream>:errors}, and is delivered again after {@code retry-delay}; after
 * {@code max-deliveries} deliveries it moves to the dead-letter stream with the reason
 * and later entries keep flowing. A running handler's lease is renewed every third of the
 * lease.
 * <p>
 * Nothing stops the loop but {@link #stop()}: a handler's {@link Throwable}, an
 * {@link Error} included, fails that delivery; a failure of the loop itself (Redis down,
 * a lost group, a bug) restarts it after an exponential backoff. {@link #health()} is
 * DOWN with the reason while the loop cannot consume and after a handler failed with an
 * {@link Error} until an entry succeeds.
 */
public final class StreamConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StreamConsumer.class);

	private final StreamConsumerSettings settings;

	private final StreamHandler handler;

	private final DeadLetterListener deadLetters;

	private final StreamEntries entries;

	private final ConsumerStatus status;

	private final AtomicBoolean running = new AtomicBoolean();

	private final Map<StreamEntryID, String> inFlight = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private final AtomicBoolean groupReady = new AtomicBoolean();

	private ScheduledExecutorService leaseRenewal;

	/**
	 * A consumer; not started yet (as a Spring bean it starts with the context).
	 * @param redis the Redis client
	 * @param settings the settings
	 * @param handler handles the entries
	 * @param deadLetters told of entries dead-lettered after {@code max-deliveries}, may
	 * be {@code null}
	 */
	public StreamConsumer(UnifiedJedis redis, StreamConsumerSettings settings, StreamHandler handler,
			DeadLetterListener deadLetters) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.handler = Objects.requireNonNull(handler, "handler");
		this.deadLetters = (deadLetters != null) ? deadLetters : (message, reason) -> {
		};
		this.entries = new StreamEntries(Objects.requireNonNull(redis, "redis"), settings.stream(), settings.group(),
				settings.deadLetterStream(), settings.deleteAcknowledged());
		this.status = new ConsumerStatus(settings.stream(), settings.group());
	}

	/**
	 * A consumer with no dead-letter listener.
	 * @param redis the Redis client
	 * @param settings the settings
	 * @param handler handles the entries
	 */
	public StreamConsumer(UnifiedJedis redis, StreamConsumerSettings settings, StreamHandler handler) {
		this(redis, settings, handler, null);
	}

	/**
	 * Starts the consumer threads; each creates the group first when needed (so a
	 * consumer started while Redis is down starts consuming when it comes back).
	 */
	@Override
	public synchronized void start() {
		if (this.running.get()) {
			return;
		}
		this.running.set(true);
		this.status.running(true);
		this.leaseRenewal = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "stream-lease-" + this.settings.group());
			thread.setDaemon(true);
			return thread;
		});
		long renewEvery = Math.max(10, this.settings.lease().toMillis() / 3);
		this.leaseRenewal.scheduleAtFixedRate(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
		for (int i = 0; i < this.settings.threads(); i++) {
			String consumer = this.settings.consumerName() + "-" + i;
			EntryProcessor processor = new EntryProcessor(this.settings, this.handler, this.deadLetters, this.entries,
					this.status, this.inFlight, this.running::get);
			ConsumerLoop loop = new ConsumerLoop(consumer, this.settings, this.entries, this.status, processor,
					this.running, this.groupReady);
			Thread thread = new Thread(loop::run, "stream-" + this.settings.group() + "-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
		logger.info("Consuming {} as group {} with {} thread(s), lease {}, max deliveries {}, batches of {}",
				this.settings.stream(), this.settings.group(), this.settings.threads(), this.settings.lease(),
				this.settings.maxDeliveries(), this.settings.batchSize());
	}

	/** Stops taking entries and waits up to 30 s for running handlers. */
	@Override
	public void stop() {
		stop(Duration.ofSeconds(30));
	}

	/**
	 * Stops taking entries, waits for running handlers, then interrupts those still
	 * running. An entry whose handler did not finish stays pending and is re-claimed
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
		this.status.running(false);
		logger.info("Stopped consuming {} ({})", this.settings.stream(), clean ? "clean" : "handlers interrupted");
		return clean;
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	/**
	 * @return UP while consuming, DOWN with the reason while it cannot, STOPPED when not
	 * started
	 */
	public StreamConsumerHealth health() {
		return this.status.health();
	}

	/**
	 * @return the settings
	 */
	public StreamConsumerSettings settings() {
		return this.settings;
	}

	private void renewLeases() {
		this.inFlight.forEach((id, consumer) -> {
			try {
				if (!this.entries.setIdle(consumer, id, 0)) {
					logger.warn("{} lost the lease of {} on {}: another consumer re-claimed it", consumer, id,
							this.settings.stream());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not renew the lease of {} on {}: {}", id, this.settings.stream(), ex.toString());
			}
		});
	}

}
