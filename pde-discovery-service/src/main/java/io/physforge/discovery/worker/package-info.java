/**
 * The worker on {@code pf:jobs:discovery}: reads the job payload the orchestrator
 * publishes ({@link io.physforge.platform.queue.WorkerPayload}), the data set's canonical
 * form from the {@code datasets} bucket, runs physics-core's discovery, stores one run
 * per job id and publishes a {@code completed} event whose message is a
 * {@link io.physforge.platform.queue.JobResultRef} ({@code kind} {@code discovery-run},
 * {@code id} the run id).
 */
package io.physforge.discovery.worker;
