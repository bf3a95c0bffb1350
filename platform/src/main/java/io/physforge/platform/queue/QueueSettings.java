package io.physforge.platform.queue;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job queue, bound from {@code physforge.queue.*}.
 *
 * @param enabled whether the queue beans exist at all
 * @param consume whether {@link JobWorker} beans start with the application context
 * @param lease how long a message may sit unacknowledged with no lease renewal before any
 * live consumer re-claims it (its worker died or stopped mid-job); a running handler
 * renews it every third of the lease
 * @param maxDeliveries deliveries of a job whose workers keep dying mid-job before it is
 * dead-lettered (a job whose handler fails is never delivered again: the orchestrator
 * owns retries)
 * @param workerThreads consumer threads per {@link JobWorker}
 * @param pollTimeout how long one blocking read waits (also bounds how fast a worker
 * stops)
 * @param completedTtl how long the ledger remembers a completed idempotency key
 * @param idempotencyTtl how long a published idempotency key blocks duplicate publishes
 * @param eventsMaxLength approximate length cap of {@code pf:job-events}
 * @param consumerName consumer name prefix, default {@code <host>-<pid>}
 */
@ConfigurationProperties("physforge.queue")
public record QueueSettings(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean consume,
		@DefaultValue("30s") Duration lease, @DefaultValue("3") int maxDeliveries, @DefaultValue("1") int workerThreads,
		@DefaultValue("1s") Duration pollTimeout, @DefaultValue("7d") Duration completedTtl,
		@DefaultValue("1d") Duration idempotencyTtl, @DefaultValue("100000") long eventsMaxLength,
		String consumerName) {

	public QueueSettings {
		requireAtLeast("lease", lease, Duration.ofMillis(100));
		requireAtLeast("poll-timeout", pollTimeout, Duration.ofMillis(10));
		requireAtLeast("completed-ttl", completedTtl, Duration.ofSeconds(1));
		requireAtLeast("idempotency-ttl", idempotencyTtl, Duration.ofSeconds(1));
		if (maxDeliveries < 1) {
			throw new IllegalArgumentException("physforge.queue.max-deliveries must be >= 1, was " + maxDeliveries);
		}
		if (workerThreads < 1) {
			throw new IllegalArgumentException("physforge.queue.worker-threads must be >= 1, was " + workerThreads);
		}
		if (pollTimeout.toMillis() > 60_000) {
			throw new IllegalArgumentException("physforge.queue.poll-timeout must be <= 60s, was " + pollTimeout);
		}
		if (eventsMaxLength < 1) {
			throw new IllegalArgumentException(
					"physforge.queue.events-max-length must be >= 1, was " + eventsMaxLength);
		}
		consumerName = (consumerName == null || consumerName.isBlank()) ? defaultConsumerName() : consumerName;
	}

	/**
	 * The defaults, for use without Spring.
	 * @return the settings
	 */
	public static QueueSettings defaults() {
		return new QueueSettings(true, true, Duration.ofSeconds(30), 3, 1, Duration.ofSeconds(1), Duration.ofDays(7),
				Duration.ofDays(1), 100_000, null);
	}

	/**
	 * These settings with another lease.
	 * @param lease the lease
	 * @return the settings
	 */
	public QueueSettings withLease(Duration lease) {
		return new QueueSettings(this.enabled, this.consume, lease, this.maxDeliveries, this.workerThreads,
				this.pollTimeout, this.completedTtl, this.idempotencyTtl, this.eventsMaxLength, this.consumerName);
	}

	/**
	 * These settings with another delivery limit.
	 * @param maxDeliveries the delivery limit
	 * @return the settings
	 */
	public QueueSettings withMaxDeliveries(int maxDeliveries) {
		return new QueueSettings(this.enabled, this.consume, this.lease, maxDeliveries, this.workerThreads,
				this.pollTimeout, this.completedTtl, this.idempotencyTtl, this.eventsMaxLength, this.consumerName);
	}

	/**
	 * These settings with another consumer name prefix.
	 * @param consumerName the prefix
	 * @return the settings
	 */
	public QueueSettings withConsumerName(String consumerName) {
		return new QueueSettings(this.enabled, this.consume, this.lease, this.maxDeliveries, this.workerThreads,
				this.pollTimeout, this.completedTtl, this.idempotencyTtl, this.eventsMaxLength, consumerName);
	}

	private static void requireAtLeast(String name, Duration value, Duration minimum) {
		if (value == null || value.compareTo(minimum) < 0) {
			throw new IllegalArgumentException("physforge.queue." + name + " must be >= " + minimum + ", was " + value);
		}
	}

	private static String defaultConsumerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
	}

}
