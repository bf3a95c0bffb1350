/**
 * Jobs: one per pipeline step, their lifecycle (queued, running, completed, failed,
 * cancelled), retries with exponential backoff, timeouts, and the wire formats shared
 * with workers ({@link io.physforge.orchestration.job.JobPayload},
 * {@link io.physforge.platform.queue.JobResultRef}).
 */
package io.physforge.orchestration.job;
