package io.physforge.platform.queue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a job's result lives: the wire format workers put in the {@code message} field of
 * a {@code completed} event on {@code pf:job-events}, as JSON:
 *
 * <pre>{@code
 * {"kind":"discovery-run","id":"6f1c...","location":"s3://artifacts/...","summary":{"equation":"u_t = ..."}}
 * }</pre>
 *
 * A worker publishes it from its handler just before returning:
 * {@code events.publish(JobResultRef.completedEvent(message, ref))}; the platform
 * worker's own {@code completed} event (without a message) that follows is ignored for a
 * job that already completed. Downstream jobs receive it in their payload's
 * {@code inputs} ({@link JobInput}). It is a wire message, not an entity: every worker
 * and the orchestrator use this one record.
 *
 * @param kind what {@code id} names, e.g. {@code feature-set}, {@code pinn-model},
 * {@code discovery-run}, {@code report}
 * @param id the result's id in the owning service
 * @param location an object-storage URI of the result's main artifact, may be
 * {@code null}
 * @param summary a small JSON object for display, may be {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobResultRef(String kind, String id, String location, JsonNode summary) {

	/** The kind of pinn-training-service's results: a trained model. */
	public static final String PINN_MODEL = "pinn-model";

	/** The kind of derivative-service's results: a derivative feature set. */
	public static final String FEATURE_SET = "feature-set";

	/** The kind of pde-discovery-service's results: a discovery run. */
	public static final String DISCOVERY_RUN = "discovery-run";

	private static final ObjectMapper JSON = new ObjectMapper();

	public JobResultRef {
		if (kind == null || kind.isBlank()) {
			throw new IllegalArgumentException("Result kind must not be blank");
		}
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("Result id must not be blank");
		}
	}

	/**
	 * @return this reference as JSON
	 */
	public String toJson() {
		try {
			return JSON.writeValueAsString(this);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads a reference from a completed event's message.
	 * @param json the message
	 * @return the reference
	 * @throws IllegalArgumentException if it is not a reference
	 */
	public static JobResultRef parse(String json) {
		try {
			return JSON.readValue(json, JobResultRef.class);
		}
		catch (JsonProcessingException | RuntimeException ex) {
			throw new IllegalArgumentException("Not a job result reference: " + json + " (" + ex.getMessage() + ")",
					ex);
		}
	}

	/**
	 * The {@code completed} event a worker publishes with its result.
	 * @param job the job being handled
	 * @param ref its result
	 * @return the event, {@code fraction} 1 and {@code message} the reference's JSON
	 */
	public static JobEvent completedEvent(JobMessage job, JobResultRef ref) {
		return new JobEvent(JobEvent.Kind.COMPLETED, job.jobId(), job.type(), job.attempt(), 1.0, ref.toJson(), null,
				false, null, job.idempotencyKey());
	}

}
