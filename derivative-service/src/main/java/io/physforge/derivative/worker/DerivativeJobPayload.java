package io.physforge.derivative.worker;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.platform.queue.JobInput;
import io.physforge.platform.queue.WorkerPayload;

/**
 * This service's copy of the orchestrator's job payload on {@code pf:jobs:derivatives}
 * (orchestration-service {@code JobPayload}; unknown members are ignored):
 *
 * <pre>{@code
 * {"pipelineId":"...","jobId":"...","stepId":"derivatives","type":"derivatives","attempt":1,
 *  "datasetId":"...","ownerId":"<user id>","datasetObjectKey":"<key in bucket datasets>",
 *  "params":{"method":"pinn"},
 *  "inputs":[{"stepId":"pinn","jobId":"...","type":"pinn",
 *             "result":{"kind":"pinn-model","id":"...","location":"s3://models/<key>"}}]}
 * }</pre>
 *
 * @param pipelineId the pipeline
 * @param jobId the job (also the message's job id)
 * @param stepId the step's id in the pipeline
 * @param type the step type
 * @param attempt the orchestrator's attempt number
 * @param datasetId the pipeline's data set
 * @param ownerId the user the pipeline belongs to (JWT subject)
 * @param datasetObjectKey the key of the data set's canonical form in bucket
 * {@code datasets}
 * @param params the step's parameters (see {@code FeatureSpec})
 * @param inputs the results of upstream steps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DerivativeJobPayload(UUID pipelineId, UUID jobId, String stepId, String type, int attempt, UUID datasetId,
		String ownerId, @JsonAlias( {
				"canonicalObjectKey", "canonicalKey" }) String datasetObjectKey,
		JsonNode params, List<JobInput> inputs) implements WorkerPayload{

	public DerivativeJobPayload {
		inputs = (inputs != null) ? List.copyOf(inputs) : List.of();
	}

}
