/**
 * The worker on {@code pf:jobs:pinn}: reads the job payload
 * ({@link io.physforge.platform.queue.WorkerPayload}, from the orchestrator or from
 * {@code POST /api/pinn/jobs}), the data set's canonical form from bucket
 * {@code datasets}, trains with pinn-engine while publishing the loss curve as progress,
 * stores the checkpoint and the loss history in bucket {@code models}, one checkpoint per
 * job id, and publishes a {@code completed} event whose message is a
 * {@link io.physforge.platform.queue.JobResultRef} ({@code kind} {@code pinn-model}).
 */
package io.physforge.pinntraining.worker;
