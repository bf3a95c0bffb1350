package io.physforge.pinntraining.job;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A PINN training job as the API shows it.
 *
 * @param id the job id (also the queue message's and, for a pipeline step, the
 * orchestrator's job id)
 * @param pipelineId the pipeline, {@code null} for a job submitted here
 * @param stepId the pipeline step, {@code null} for a job submitted here
 * @param source {@code api} or {@code pipeline}
 * @param datasetId the data set trained on
 * @param ownerId the user it belongs to (token subject)
 * @param status where it stands
 * @param progress 0 to 1
 * @param attempts how many times a worker started it
 * @param settings the training configuration ({@link TrainingConfig#asMap()}), or the raw
 * parameters when they were invalid
 * @param lastProgress the last reported point of the loss curve ({@code step},
 * {@code totalSteps}, {@code phase}, {@code losses}, {@code coefficients},
 * {@code elapsedMillis}), {@code null} before the first
 * @param losses the final losses, {@code null} unless completed
 * @param epochsRun Adam steps plus L-BFGS iterations run, {@code null} unless completed
 * @param durationMillis training time, {@code null} unless completed
 * @param modelId the model checkpoint, {@code null} unless completed
 * @param modelLocation {@code s3://models/<key>} of the checkpoint, {@code null} unless
 * completed
 * @param logsLocation {@code s3://models/<key>} of the loss history (JSON), {@code null}
 * unless completed
 * @param provenance input, settings, seed, noise, versions, backend; {@code null} unless
 * completed
 * @param createdAt when it was submitted (or first claimed, for a pipeline step)
 * @param startedAt when the last attempt started, {@code null} before
 * @param completedAt when it completed, failed or was cancelled
 * @param cancelRequestedAt when a cancel was asked for here, else {@code null}
 * @param error why the last attempt failed or stopped, else {@code null}
 */
public record TrainingJob(UUID id, UUID pipelineId, String stepId, String source, UUID datasetId, String ownerId,
		JobStatus status, double progress, int attempts, JsonNode settings, JsonNode lastProgress, Losses losses,
		Integer epochsRun, Long durationMillis, UUID modelId, String modelLocation, String logsLocation,
		JsonNode provenance, Instant createdAt, Instant startedAt, Instant completedAt, Instant cancelRequestedAt,
		String error) {

	/**
	 * Final losses of a training run, each weighted as in the total.
	 *
	 * @param total the minimised loss
	 * @param data misfit to the data
	 * @param pde the equation's residual at the collocation points
	 * @param boundary boundary-condition loss
	 * @param initial initial-condition loss
	 * @param regularisation squared weights
	 */
	public record Losses(Double total, Double data, Double pde, Double boundary, Double initial,
			Double regularisation) {

	}

}
