/**
 * Job queue on Redis Streams (Jedis).
 * <p>
 * Jobs of type {@code T} go to the stream {@code pf:jobs:T} and are consumed by the
 * consumer group {@code T-workers}. {@link io.physforge.platform.queue.JobQueue#publish
 * JobQueue.publish} drops duplicate publishes of the same idempotency key;
 * {@link io.physforge.platform.queue.JobWorker} consumes with the platform's
 * {@link io.physforge.platform.stream.StreamConsumer}: it renews its lease while the
 * handler runs, re-claims messages whose consumer died (XAUTOCLAIM once idle longer than
 * the lease) and dead-letters them to {@code pf:jobs:T:dead} after
 * {@code max-deliveries}, never retries a failed handler (it publishes {@code failed} and
 * dead-letters the message; the orchestrator owns retries), and keeps a ledger of
 * completed idempotency keys so a message re-delivered after completion is acknowledged
 * without running again. {@link io.physforge.platform.queue.JobEvents} publishes
 * progress, completed, failed and cancelled events to {@code pf:job-events}.
 * <p>
 * <b>Handlers must be idempotent for their side effects.</b> The ledger is written after
 * the handler returns; a consumer that dies after the side effects but before the ledger
 * write leaves the message to be re-claimed and the handler runs again. Write results
 * keyed by job id (upsert, fixed object keys) so that a second run changes nothing.
 * <p>
 * Properties: {@code physforge.redis.url} (default {@code ${PF_REDIS_URL}} or
 * {@code redis://127.0.0.1:6379}) and {@code physforge.queue.*} (see
 * {@link io.physforge.platform.queue.QueueSettings});
 * {@code physforge.queue.enabled=false} switches the queue off.
 */
package io.physforge.platform.queue;
