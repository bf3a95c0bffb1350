package io.physforge.orchestration.job;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.platform.queue.JobInput;

/**
 * The {@code payload} of every job message this service publishes to
 * {@code pf:jobs:<type>} (JSON; workers keep their own copy of this record):
 *
 * <pre>{@code
 * {"pipelineId":"...","jobId":"...","stepId":"discovery","type":"discovery","attempt":1,
 *  "datasetId":"...","ownerId":"<user id>","datasetObjectKey":"<key in bucket datasets>",
 *  "datasetFormat":"NPZ","params":{...},
 *  "inputs":[{"stepId":"derivatives","jobId":"...","type":"derivatives",
 *             "result":{"kind":"feature-set","id":"...","location":"s3://..."}}]}
 * }</pre>
 *
 * The message's {@code jobId} is this job's id and its idempotency key is
 * {@code <jobId>:<attempt>} ({@code <jobId>:<attempt>:r<n>} when re-published after Redis
 * lost the stream). Handlers must be idempotent per job id.
 *
 * @param pipelineId the pipeline
 * @param jobId the job (also the message's job id)
 * @param stepId the step's id in the pipeline
 * @param type the step type ({@code discovery}, ...)
 * @param attempt the orchestrator's attempt number, 1 for the first
 * @param datasetId the pipeline's data set
 * @param ownerId the user the pipeline belongs to (JWT subject)
 * @param datasetObjectKey the key of the data set's canonical form in bucket
 * {@code datasets} (made by data-service; workers read only this form)
 * @param datasetFormat the canonical form's format ({@code NPZ} or {@code HDF5})
 * @param params the step's parameters
 * @param inputs the results of the steps this one depends on, in {@code dependsOn} order
 */
public record JobPayload(UUID pipelineId, UUID jobId, String stepId, String type, int attempt, UUID datasetId,
		String ownerId, String datasetObjectKey, String datasetFormat, JsonNode params, List<JobInput> inputs) {

}
