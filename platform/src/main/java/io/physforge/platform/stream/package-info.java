/**
 * The one stream-consumer loop on Redis Streams, used by every consumer of the platform:
 * job workers, the orchestrator's job events, the audit log.
 * <p>
 * {@link io.physforge.platform.stream.StreamConsumer} creates its consumer group,
 * re-claims entries idle longer than the lease (XAUTOCLAIM) before reading new ones
 * (XREADGROUP), counts deliveries (XPENDING), re-delivers a failed entry after a retry
 * delay, moves an entry delivered {@code max-deliveries} times to {@code <stream>:dead}
 * with the reason, survives any {@link java.lang.Throwable} (restarting its loop with
 * exponential backoff) and reports its health (UP, or DOWN with the reason). Handlers
 * ({@link io.physforge.platform.stream.StreamHandler}) may take entries one at a time or
 * in batches.
 */
package io.physforge.platform.stream;
