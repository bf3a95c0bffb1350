package io.physforge.platform.stream;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link StreamConsumer}; build them with {@link #builder}.
 *
 * @param stream the stream
 * @param group the consumer group
 * @param consumerName consumer name prefix (each thread appends {@code -<n>}), default
 * {@code <host>-<pid>}
 * @param threads consumer threads
 * @param lease how long an entry may sit unacknowledged (no lease renewal) before another
 * consumer re-claims it; a running handler renews it every third of the lease
 * @param pollTimeout how long one blocking read waits (also bounds how fast it stops)
 * @param maxDeliveries deliveries after which an entry that keeps failing, or whose
 * consumers keep dying, is dead-lettered
 * @param retryDelay how soon a failed delivery is delivered again (at most the lease)
 * @param batchSize most entries read (and handed to {@link StreamHandler#handleBatch}) at
 * once
 * @param startFrom where a new group starts reading
 * @param deadLetterStream where dead letters go, default {@code <stream>:dead}
 * @param deleteAcknowledged whether acknowledged entries are deleted (XDEL): true for a
 * work queue, false for a stream other groups read too
 * @param restartBackoff first delay before the loop restarts after a failure (Redis down,
 * a bug); doubled after each further failure
 * @param maxRestartBackoff the longest such delay
 */
public record StreamConsumerSettings(String stream, String group, String consumerName, int threads, Duration lease,
		Duration pollTimeout, int maxDeliveries, Duration retryDelay, int batchSize, StartFrom startFrom,
		String deadLetterStream, boolean deleteAcknowledged, Duration restartBackoff, Duration maxRestartBackoff) {

	/** Where a new consumer group starts reading. */
	public enum StartFrom {

		/** From the first entry of the stream ({@code 0}). */
		BEGINNING,

		/** From entries added after the group was created ({@code $}). */
		NEW_ENTRIES

	}

	public StreamConsumerSettings {
		requireText("stream", stream);
		requireText("group", group);
		consumerName = (consumerName == null || consumerName.isBlank()) ? defaultConsumerName() : consumerName;
		requireAtLeast("threads", threads, 1);
		requireAtLeast("max-deliveries", maxDeliveries, 1);
		requireAtLeast("batch-size", batchSize, 1);
		requireAtLeast("lease", lease, Duration.ofMillis(100));
		requireAtLeast("poll-timeout", pollTimeout, Duration.ofMillis(10));
		requireAtLeast("retry-delay", retryDelay, Duration.ZERO);
		requireAtLeast("restart-backoff", restartBackoff, Duration.ofMillis(1));
		requireAtLeast("max-restart-backoff", maxRestartBackoff, restartBackoff);
		if (pollTimeout.toMillis() > 60_000) {
			throw new IllegalArgumentException("poll-timeout must be <= 60s, was " + pollTimeout);
		}
		if (retryDelay.compareTo(lease) > 0) {
			retryDelay = lease;
		}
		Objects.requireNonNull(startFrom, "startFrom");
		deadLetterStream = (deadLetterStream == null || deadLetterStream.isBlank()) ? stream + ":dead"
				: deadLetterStream;
	}

	/**
	 * Settings for a stream and group, with defaults for the rest: one thread, lease 30
	 * s, poll timeout 1 s, 3 deliveries, retry delay 5 s, batches of 1, a new group reads
	 * from the beginning, acknowledged entries kept, restart backoff 100 ms to 30 s.
	 * @param stream the stream
	 * @param group the consumer group
	 * @return a builder
	 */
	public static Builder builder(String stream, String group) {
		return new Builder(stream, group);
	}

	/**
	 * A builder with these settings.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder(this.stream, this.group).consumerName(this.consumerName)
			.threads(this.threads)
			.lease(this.lease)
			.pollTimeout(this.pollTimeout)
			.maxDeliveries(this.maxDeliveries)
			.retryDelay(this.retryDelay)
			.batchSize(this.batchSize)
			.startFrom(this.startFrom)
			.deadLetterStream(this.deadLetterStream)
			.deleteAcknowledged(this.deleteAcknowledged)
			.restartBackoff(this.restartBackoff, this.maxRestartBackoff);
	}

	private static void requireText(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	private static void requireAtLeast(String name, int value, int minimum) {
		if (value < minimum) {
			throw new IllegalArgumentException(name + " must be >= " + minimum + ", was " + value);
		}
	}

	private static void requireAtLeast(String name, Duration value, Duration minimum) {
		if (value == null || value.compareTo(minimum) < 0) {
			throw new IllegalArgumentException(name + " must be >= " + minimum + ", was " + value);
		}
	}

	static String defaultConsumerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
	}

	/** Builds {@link StreamConsumerSettings}. */
	public static final class Builder {

		private final String stream;

		private final String group;

		private String consumerName;

		private int threads = 1;

		private Duration lease = Duration.ofSeconds(30);

		private Duration pollTimeout = Duration.ofSeconds(1);

		private int maxDeliveries = 3;

		private Duration retryDelay = Duration.ofSeconds(5);

		private int batchSize = 1;

		private StartFrom startFrom = StartFrom.BEGINNING;

		private String deadLetterStream;

		private boolean deleteAcknowledged;

		private Duration restartBackoff = Duration.ofMillis(100);

		private Duration maxRestartBackoff = Duration.ofSeconds(30);

		private Builder(String stream, String group) {
			this.stream = stream;
			this.group = group;
		}

		public Builder consumerName(String consumerName) {
			this.consumerName = consumerName;
			return this;
		}

		public Builder threads(int threads) {
			this.threads = threads;
			return this;
		}

		public Builder lease(Duration lease) {
			this.lease = lease;
			return this;
		}

		public Builder pollTimeout(Duration pollTimeout) {
			this.pollTimeout = pollTimeout;
			return this;
		}

		public Builder maxDeliveries(int maxDeliveries) {
			this.maxDeliveries = maxDeliveries;
			return this;
		}

		public Builder retryDelay(Duration retryDelay) {
			this.retryDelay = retryDelay;
			return this;
		}

		public Builder batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		public Builder startFrom(StartFrom startFrom) {
			this.startFrom = startFrom;
			return this;
		}

		public Builder deadLetterStream(String deadLetterStream) {
			this.deadLetterStream = deadLetterStream;
			return this;
		}

		public Builder deleteAcknowledged(boolean deleteAcknowledged) {
			this.deleteAcknowledged = deleteAcknowledged;
			return this;
		}

		public Builder restartBackoff(Duration initial, Duration max) {
			this.restartBackoff = initial;
			this.maxRestartBackoff = max;
			return this;
		}

		public StreamConsumerSettings build() {
			return new StreamConsumerSettings(this.stream, this.group, this.consumerName, this.threads, this.lease,
					this.pollTimeout, this.maxDeliveries, this.retryDelay, this.batchSize, this.startFrom,
					this.deadLetterStream, this.deleteAcknowledged, this.restartBackoff, this.maxRestartBackoff);
		}

	}

}
