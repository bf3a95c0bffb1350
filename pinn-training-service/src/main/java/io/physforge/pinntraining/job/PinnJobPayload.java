package io.physforge.pinntraining.job;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.platform.queue.JobInput;
import io.physforge.platform.queue.WorkerPayload;

/**
 * This service's copy of the orchestrator's job payload on {@code pf:jobs:pinn}
 * (orchestration-service {@code JobPayload}; unknown members are ignored). Jobs submitted
 * with {@code POST /api/pinn/jobs} carry the same payload without a pipeline:
 *
 * <pre>{@code
 * {"pipelineId":"...","jobId":"...","stepId":"pinn","type":"pinn","attempt":1,
 *  "datasetId":"...","ownerId":"<user id>","datasetObjectKey":"<key in bucket datasets>",
 *  "datasetFormat":"NPZ","params":{"layers":"4x32","epochs":2000,"pde":"u_t = c1*u*u_x + c2*u_xx"},
 *  "inputs":[]}
 * }</pre>
 *
 * @param pipelineId the pipeline, {@code null} for a job submitted here
 * @param jobId the job (also the message's job id)
 * @param stepId the step's id in the pipeline, {@code null} for a job submitted here
 * @param type the step type ({@code pinn})
 * @param attempt the orchestrator's attempt number
 * @param datasetId the data set
 * @param ownerId the user the job belongs to (JWT subject)
 * @param datasetObjectKey the key of the data set's canonical form in bucket
 * {@code datasets} (also read as {@code canonicalObjectKey} or {@code canonicalKey})
 * @param datasetFormat the canonical form's format, may be {@code null}
 * @param params the training parameters (see {@link TrainingParams})
 * @param inputs the results of upstream steps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinnJobPayload(UUID pipelineId, UUID jobId, String stepId, String type, int attempt, UUID datasetId,
		String ownerId, @JsonAlias( {
				"canonicalObjectKey", "canonicalKey" }) String datasetObjectKey,
		String datasetFormat, JsonNode params, List<JobInput> inputs) implements WorkerPayload{

	/** The job type, and the suffix of the job stream {@code pf:jobs:pinn}. */
	public static final String TYPE = "pinn";

	public PinnJobPayload {
		inputs = (inputs != null) ? List.copyOf(inputs) : List.of();
	}

}
