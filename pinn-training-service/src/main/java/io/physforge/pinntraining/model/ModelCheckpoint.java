package io.physforge.pinntraining.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A trained model's checkpoint (pinn-engine's JSON format {@code physforge-pinn/1}) as
 * the API shows it.
 *
 * @param id the model id
 * @param jobId the training job that made it
 * @param ownerId the user it belongs to
 * @param location {@code s3://models/<key>}
 * @param sizeBytes the checkpoint's size
 * @param architecture inputs, outputs, hidden layers, activation, parameter count
 * @param metrics learned coefficients, final losses, equation, epochs, duration
 * @param createdAt when it was stored
 * @param bucket the bucket (not shown)
 * @param objectKey the object key (not shown)
 */
public record ModelCheckpoint(UUID id, UUID jobId, String ownerId, String location, long sizeBytes,
		JsonNode architecture, JsonNode metrics, Instant createdAt, @JsonIgnore String bucket,
		@JsonIgnore String objectKey) {

	/** The bucket of checkpoints and loss histories. */
	public static final String BUCKET = "models";

	/**
	 * @return where the checkpoint can be downloaded through this service (shown as
	 * {@code download})
	 */
	@JsonProperty("download")
	public String download() {
		return "/api/pinn/models/" + this.id + "/checkpoint";
	}

}
