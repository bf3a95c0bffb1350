package io.physforge.platform.queue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A job on a stream.
 *
 * @param jobId the job id (a UUID string for jobs made by {@link #create})
 * @param type the job type, lower-case letters, digits and dashes; its stream is
 * {@code pf:jobs:<type>}
 * @param idempotencyKey publishes and completions are de-duplicated by this key; defaults
 * to the job id
 * @param payload the job's input as a JSON document, {@code {}} when empty
 * @param attempt which delivery this is, 1 for the first; 0 before publishing
 * @param createdAt when the job was made
 */
public record JobMessage(String jobId, String type, String idempotencyKey, String payload, int attempt,
		Instant createdAt) {

	private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	public JobMessage {
		if (jobId == null || jobId.isBlank()) {
			throw new IllegalArgumentException("Job id must not be blank");
		}
		if (type == null || !TYPE.matcher(type).matches()) {
			throw new IllegalArgumentException("Invalid job type '" + type
					+ "': use 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit");
		}
		idempotencyKey = (idempotencyKey == null || idempotencyKey.isBlank()) ? jobId : idempotencyKey;
		payload = (payload == null || payload.isBlank()) ? "{}" : payload;
		if (attempt < 0) {
			throw new IllegalArgumentException("Attempt must be >= 0, was " + attempt);
		}
		createdAt = (createdAt != null) ? createdAt : Instant.now();
	}

	/**
	 * A new job with a random id.
	 * @param type the job type
	 * @param idempotencyKey the idempotency key, {@code null} for the job id
	 * @param payload the input as JSON
	 * @return the job
	 */
	public static JobMessage create(String type, String idempotencyKey, String payload) {
		return new JobMessage(UUID.randomUUID().toString(), type, idempotencyKey, payload, 0, Instant.now());
	}

	/**
	 * This job as delivery number {@code attempt}.
	 * @param attempt the attempt number
	 * @return the job
	 */
	public JobMessage withAttempt(int attempt) {
		return new JobMessage(this.jobId, this.type, this.idempotencyKey, this.payload, attempt, this.createdAt);
	}

	/**
	 * The stream entry fields of this job.
	 * @return field name to value
	 */
	public Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("jobId", this.jobId);
		fields.put("type", this.type);
		fields.put("idempotencyKey", this.idempotencyKey);
		fields.put("payload", this.payload);
		fields.put("createdAt", this.createdAt.toString());
		return fields;
	}

	/**
	 * Reads a job from stream entry fields.
	 * @param fields the fields
	 * @param attempt the delivery number
	 * @return the job
	 * @throws IllegalArgumentException if a field is missing or invalid
	 */
	public static JobMessage fromFields(Map<String, String> fields, int attempt) {
		String createdAt = fields.get("createdAt");
		try {
			return new JobMessage(fields.get("jobId"), fields.get("type"), fields.get("idempotencyKey"),
					fields.get("payload"), attempt, (createdAt != null) ? Instant.parse(createdAt) : null);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Malformed job message " + fields + ": " + ex.getMessage(), ex);
		}
	}

}
