package io.physforge.pinntraining.job;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/pinn/jobs/{id}/status}: where a job stands, with the last point of its
 * loss curve.
 *
 * @param id the job id
 * @param status where it stands
 * @param progress 0 to 1
 * @param lastProgress {@code step}, {@code totalSteps}, {@code phase}, {@code losses},
 * {@code coefficients}, {@code elapsedMillis}; {@code null} before the first report
 * @param modelId the checkpoint, once completed
 * @param cancelRequestedAt when a cancel was asked for
 * @param error why it failed or stopped
 */
public record JobProgressView(UUID id, JobStatus status, double progress, JsonNode lastProgress, UUID modelId,
		Instant cancelRequestedAt, String error) {

	static JobProgressView of(TrainingJob job) {
		return new JobProgressView(job.id(), job.status(), job.progress(), job.lastProgress(), job.modelId(),
				job.cancelRequestedAt(), job.error());
	}

}
