package io.physforge.pinntraining.job;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/pinn/jobs/{id}/result}: what a completed job produced.
 *
 * @param jobId the job
 * @param modelId the checkpoint ({@code GET /api/pinn/models/{id}})
 * @param location {@code s3://models/<key>} of the checkpoint
 * @param coefficients the learned coefficients of the equation (empty without one)
 * @param equation the equation with the learned coefficients filled in, {@code null}
 * without one
 * @param losses the final losses
 * @param epochsRun Adam steps plus L-BFGS iterations run
 * @param durationMillis training time
 * @param lossCurve the loss curve: {@code step}, {@code totalSteps}, {@code phase},
 * {@code losses}, {@code coefficients}, {@code elapsedMillis} per report
 * @param provenance input, settings, seed, noise, versions, backend
 */
public record JobResultView(UUID jobId, UUID modelId, String location, JsonNode coefficients, String equation,
		TrainingJob.Losses losses, Integer epochsRun, Long durationMillis, JsonNode lossCurve, JsonNode provenance) {

}
