/**
 * PINN training jobs: {@code POST /api/pinn/jobs} (validated with
 * {@link io.physforge.pinntraining.job.TrainingParams}, the data set looked up in
 * data-service, then published to {@code pf:jobs:pinn} like a pipeline step),
 * {@code GET /jobs}, {@code /jobs/{id}}, {@code /jobs/{id}/status},
 * {@code /jobs/{id}/result} and {@code POST /jobs/{id}/cancel}; the wire formats shared
 * with the orchestrator ({@link io.physforge.platform.queue.WorkerPayload},
 * {@link io.physforge.platform.queue.JobResultRef}).
 */
package io.physforge.pinntraining.job;
