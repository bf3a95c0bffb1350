package io.physforge.derivative.featureset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A feature set's metadata as the API shows it.
 *
 * @param id the feature set id
 * @param ownerId its owner (token subject)
 * @param datasetId the data set it was computed from
 * @param jobId the job that made it, {@code null} for a REST request
 * @param pipelineId the job's pipeline, may be {@code null}
 * @param stepId the job's step, may be {@code null}
 * @param method {@code fd}, {@code poly}, {@code sg}, {@code spectral} or {@code pinn}
 * @param options the request as validated (options, time method, names, max order)
 * @param modelId the PINN model's id (method {@code pinn}), may be {@code null}
 * @param modelLocation the PINN checkpoint {@code s3://models/<key>}, may be {@code null}
 * @param fields the data set's fields
 * @param names every array of the file: the fields, then the derivatives
 * @param shape points per axis, {@code {"t":101,"x":256}}
 * @param trim points per end of each axis where the derivatives are unreliable (drop them
 * before regression)
 * @param location {@code s3://artifacts/<key>} of the NPZ, once stored
 * @param sizeBytes the NPZ's size
 * @param sha256 the NPZ's SHA-256
 * @param status {@code running}, {@code completed}, {@code failed} or {@code cancelled}
 * @param createdAt when it was requested
 * @param completedAt when it completed or failed
 * @param error why it failed
 */
public record FeatureSet(UUID id, String ownerId, UUID datasetId, String jobId, UUID pipelineId, String stepId,
		String method, JsonNode options, String modelId, String modelLocation, List<String> fields, List<String> names,
		JsonNode shape, JsonNode trim, String location, Long sizeBytes, String sha256, String status, Instant createdAt,
		Instant completedAt, String error) {

	/** The bucket of feature sets. */
	public static final String BUCKET = "artifacts";

	/**
	 * @return the object key in bucket {@code artifacts}, {@code null} before it is
	 * stored
	 */
	public String objectKey() {
		String prefix = "s3://" + BUCKET + "/";
		return (this.location != null && this.location.startsWith(prefix)) ? this.location.substring(prefix.length())
				: null;
	}

}
