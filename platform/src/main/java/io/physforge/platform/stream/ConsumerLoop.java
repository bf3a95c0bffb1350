package io.physforge.platform.stream;

import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.physforge.platform.stream.internal.StreamEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One {@link StreamConsumer} thread's loop: re-claim, read, hand over to the
 * {@link EntryProcessor}; any failure of the loop itself marks the consumer DOWN and
 * restarts it after an exponential backoff.
 */
final class ConsumerLoop {

	private static final Logger logger = LoggerFactory.getLogger(StreamConsumer.class);

	private final String consumer;

	private final StreamConsumerSettings settings;

	private final StreamEntries entries;

	private final ConsumerStatus status;

	private final AtomicBoolean running;

	private final AtomicBoolean groupReady;

	private final EntryProcessor processor;

	private StreamEntryID cursor = new StreamEntryID(0, 0);

	private long nextReclaim = System.nanoTime();

	/** When failed entries of this thread become claimable, earliest first. */
	private final PriorityQueue<Long> retries = new PriorityQueue<>();

	ConsumerLoop(String consumer, StreamConsumerSettings settings, StreamEntries entries, ConsumerStatus status,
			EntryProcessor processor, AtomicBoolean running, AtomicBoolean groupReady) {
		this.consumer = consumer;
		this.settings = settings;
		this.entries = entries;
		this.status = status;
		this.processor = processor;
		this.running = running;
		this.groupReady = groupReady;
	}

	void run() {
		StreamConsumerSettings settings = this.settings;
		long backoff = settings.restartBackoff().toMillis();
		while (this.running.get()) {
			try {
				pollOnce();
				this.status.loopWorks();
				backoff = settings.restartBackoff().toMillis();
			}
			catch (Throwable ex) {
				if (!this.running.get()) {
					break;
				}
				if (StreamEntries.isNoGroup(ex)) {
					logger.warn("Consumer group {} on {} is gone (Redis lost its data?); creating it again",
							settings.group(), settings.stream());
					this.groupReady.set(false);
					continue;
				}
				// after the backoff, look for pending entries (one taken back) at once
				this.nextReclaim = System.nanoTime();
				this.cursor = new StreamEntryID(0, 0);
				String reason = "cannot consume " + settings.stream() + ": " + ConsumerStatus.describe(ex);
				this.status.loopFailed(reason);
				if (ex instanceof JedisException || ex instanceof HandlerUnavailableException) {
					logger.warn("{} ({}); restarting in {} ms", reason, this.consumer, backoff);
				}
				else {
					logger.error("{} ({}); restarting in {} ms", reason, this.consumer, backoff, ex);
				}
				sleep(backoff);
				backoff = Math.min(settings.maxRestartBackoff().toMillis(), backoff * 2);
			}
		}
	}

	private void pollOnce() throws HandlerUnavailableException {
		StreamConsumerSettings settings = this.settings;
		if (!this.groupReady.get()) {
			this.entries.createGroup(settings.startFrom() == StreamConsumerSettings.StartFrom.BEGINNING);
			this.groupReady.set(true);
		}
		long now = System.nanoTime();
		if (now - this.nextReclaim >= 0) {
			Map.Entry<StreamEntryID, List<StreamEntry>> claimed = this.entries.claim(this.consumer,
					settings.lease().toMillis(), this.cursor, settings.batchSize());
			this.cursor = claimed.getKey();
			if (!claimed.getValue().isEmpty()) {
				logger.info("{} re-claimed {} entr(ies) of {} idle longer than the lease (or retrying)", this.consumer,
						claimed.getValue().size(), settings.stream());
				later(this.processor.process(this.consumer, claimed.getValue(), true));
				return;
			}
			if (this.cursor.equals(new StreamEntryID(0, 0))) {
				// a full scan: next one after an interval, or when the next retry is
				// due
				long interval = Math.min(5_000_000_000L, Math.max(100_000_000L, settings.lease().toNanos() / 4));
				this.nextReclaim = now + interval;
				while (!this.retries.isEmpty() && this.retries.peek() - now <= 0) {
					this.retries.poll();
				}
				if (!this.retries.isEmpty() && this.retries.peek() - this.nextReclaim < 0) {
					this.nextReclaim = this.retries.peek();
				}
			}
		}
		long block = Math.max(10, Math.min(settings.pollTimeout().toMillis(),
				TimeUnit.NANOSECONDS.toMillis(this.nextReclaim - System.nanoTime())));
		List<StreamEntry> read = this.entries.read(this.consumer, settings.batchSize(), (int) block);
		if (!read.isEmpty()) {
			later(this.processor.process(this.consumer, read, false));
		}
	}

	private void later(long retryAt) {
		if (retryAt != EntryProcessor.NO_RETRY) {
			this.retries.add(retryAt);
			if (retryAt - this.nextReclaim < 0) {
				this.nextReclaim = retryAt;
			}
		}
	}

	private void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
