package io.physforge.platform.queue;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of an upstream job as a downstream job's payload carries it in
 * {@code inputs}:
 *
 * <pre>{@code
 * {"stepId":"pinn","jobId":"...","type":"pinn",
 *  "result":{"kind":"pinn-model","id":"...","location":"s3://models/<key>"}}
 * }</pre>
 *
 * @param stepId its step id in the pipeline
 * @param jobId its job id
 * @param type its step type
 * @param result its result reference, may be {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobInput(String stepId, UUID jobId, String type, JobResultRef result) {

	/**
	 * The key of the first upstream result stored in a bucket.
	 * @param inputs a payload's inputs
	 * @param bucket the bucket
	 * @return the key after {@code s3://<bucket>/}, or {@code null} when no input's
	 * result lies there
	 */
	public static String firstKeyIn(List<JobInput> inputs, String bucket) {
		String prefix = "s3://" + bucket + "/";
		for (JobInput input : inputs) {
			if (input.result() != null && input.result().location() != null
					&& input.result().location().startsWith(prefix)) {
				return input.result().location().substring(prefix.length());
			}
		}
		return null;
	}

	/**
	 * The results of one kind, in input order.
	 * @param inputs a payload's inputs
	 * @param kind the result kind, e.g. {@link JobResultRef#PINN_MODEL}
	 * @return their result references
	 */
	public static List<JobResultRef> resultsOfKind(List<JobInput> inputs, String kind) {
		return inputs.stream().map(JobInput::result).filter((r) -> r != null && kind.equals(r.kind())).toList();
	}

}
