package io.physforge.platform.queue;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The workers' copy of the orchestrator's job payload on {@code pf:jobs:<type>}
 * (orchestration-service {@code JobPayload}; unknown members are ignored), also what
 * pinn-training-service publishes for a job submitted through its API (without a
 * pipeline):
 *
 * <pre>{@code
 * {"pipelineId":"...","jobId":"...","stepId":"derivatives","type":"derivatives","attempt":1,
 *  "datasetId":"...","ownerId":"<user id>","datasetObjectKey":"<key in bucket datasets>",
 *  "datasetFormat":"NPZ","params":{"method":"pinn"},
 *  "inputs":[{"stepId":"pinn","jobId":"...","type":"pinn",
 *             "result":{"kind":"pinn-model","id":"...","location":"s3://models/<key>"}}]}
 * }</pre>
 *
 * {@link #read} parses and checks one.
 *
 * @param pipelineId the pipeline, {@code null} for a job submitted to a service directly
 * @param jobId the job (also the message's job id)
 * @param stepId the step's id in the pipeline, may be {@code null}
 * @param type the step type
 * @param attempt the orchestrator's attempt number
 * @param datasetId the data set
 * @param ownerId the user the job's results belong to (JWT subject)
 * @param datasetObjectKey the key of the data set's canonical form in bucket
 * {@code datasets} (also read as {@code canonicalObjectKey} or {@code canonicalKey})
 * @param datasetFormat the canonical form's format, may be {@code null}
 * @param params the step's parameters (each worker reads its own)
 * @param inputs the results of upstream steps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerPayload(UUID pipelineId, UUID jobId, String stepId, String type, int attempt, UUID datasetId,
		String ownerId, @JsonAlias( {
				"canonicalObjectKey", "canonicalKey" }) String datasetObjectKey,
		String datasetFormat, JsonNode params, List<JobInput> inputs){

	public WorkerPayload {
		inputs = (inputs != null) ? List.copyOf(inputs) : List.of();
	}

	/**
	 * Parses a job's payload and checks that it names an owner and, if any, the message's
	 * job.
	 * @param json the object mapper
	 * @param message the job's message
	 * @param kind what kind of job the worker runs, such as {@code "a discovery job"}
	 * @param result what the job makes, such as {@code "run"}
	 * @return the payload
	 * @throws PermanentJobFailure when the payload is not a job payload, has no owner or
	 * is another job's
	 */
	public static WorkerPayload read(ObjectMapper json, JobMessage message, String kind, String result) {
		WorkerPayload payload;
		try {
			payload = json.readValue(message.payload(), WorkerPayload.class);
		}
		catch (JsonProcessingException ex) {
			throw new PermanentJobFailure("job " + message.jobId() + " has a payload that is not " + kind
					+ " (see WorkerPayload): " + ex.getOriginalMessage(), ex);
		}
		if (payload.ownerId() == null || payload.ownerId().isBlank()) {
			throw new PermanentJobFailure("job " + message.jobId() + " has no 'ownerId' in its payload; the " + result
					+ " would belong to nobody");
		}
		if (payload.jobId() != null && !payload.jobId().toString().equals(message.jobId())) {
			throw new PermanentJobFailure(
					"job " + message.jobId() + " carries a payload of another job (" + payload.jobId() + ")");
		}
		return payload;
	}

}
