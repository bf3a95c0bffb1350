package io.physforge.platform.queue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An entry of {@code pf:job-events}.
 *
 * @param kind what happened
 * @param jobId the job id
 * @param type the job type
 * @param attempt the delivery number the event belongs to
 * @param fraction progress 0..1 for {@link Kind#PROGRESS}, else {@code null}
 * @param message progress text, may be {@code null}
 * @param error the failure, for {@link Kind#FAILED}, else {@code null}
 * @param retrying for {@link Kind#FAILED}: whether another attempt follows
 * ({@code false}: dead-lettered)
 * @param time when it happened
 * @param idempotencyKey the idempotency key of the job message the event is about, so a
 * consumer can tell the events of one published attempt from those of another (a late or
 * re-delivered event of an earlier attempt); {@code null} when unknown
 * @param permanent for {@link Kind#FAILED}: whether the failure is one no attempt can fix
 * ({@link PermanentJobFailure}); the orchestrator then fails the job at once
 */
public record JobEvent(Kind kind, String jobId, String type, int attempt, Double fraction, String message, String error,
		boolean retrying, Instant time, String idempotencyKey, boolean permanent) {

	/**
	 * An event that is not a permanent failure.
	 * @param kind what happened
	 * @param jobId the job id
	 * @param type the job type
	 * @param attempt the delivery number
	 * @param fraction progress 0..1, or {@code null}
	 * @param message progress text, or {@code null}
	 * @param error the failure, or {@code null}
	 * @param retrying whether another attempt follows
	 * @param time when, {@code null} for now
	 * @param idempotencyKey the job message's idempotency key, {@code null} when unknown
	 */
	public JobEvent(Kind kind, String jobId, String type, int attempt, Double fraction, String message, String error,
			boolean retrying, Instant time, String idempotencyKey) {
		this(kind, jobId, type, attempt, fraction, message, error, retrying, time, idempotencyKey, false);
	}

	public JobEvent {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(type, "type");
		time = (time != null) ? time : Instant.now();
	}

	/**
	 * An event without an idempotency key.
	 */
	public JobEvent(Kind kind, String jobId, String type, int attempt, Double fraction, String message, String error,
			boolean retrying, Instant time) {
		this(kind, jobId, type, attempt, fraction, message, error, retrying, time, null);
	}

	/**
	 * The stream entry fields (absent values are left out).
	 * @return the fields
	 */
	public Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("kind", this.kind.name().toLowerCase(Locale.ROOT));
		fields.put("jobId", this.jobId);
		fields.put("type", this.type);
		fields.put("attempt", Integer.toString(this.attempt));
		if (this.fraction != null) {
			fields.put("fraction", this.fraction.toString());
		}
		if (this.message != null) {
			fields.put("message", this.message);
		}
		if (this.error != null) {
			fields.put("error", this.error);
		}
		fields.put("retrying", Boolean.toString(this.retrying));
		if (this.permanent) {
			fields.put("permanent", "true");
		}
		fields.put("time", this.time.toString());
		if (this.idempotencyKey != null) {
			fields.put("idempotencyKey", this.idempotencyKey);
		}
		return fields;
	}

	/**
	 * Reads an event from stream entry fields.
	 * @param fields the fields
	 * @return the event
	 * @throws IllegalArgumentException if a field is missing or invalid
	 */
	public static JobEvent fromFields(Map<String, String> fields) {
		try {
			String fraction = fields.get("fraction");
			String time = fields.get("time");
			return new JobEvent(Kind.valueOf(fields.get("kind").toUpperCase(Locale.ROOT)), fields.get("jobId"),
					fields.get("type"), Integer.parseInt(fields.getOrDefault("attempt", "0")),
					(fraction != null) ? Double.valueOf(fraction) : null, fields.get("message"), fields.get("error"),
					Boolean.parseBoolean(fields.get("retrying")), (time != null) ? Instant.parse(time) : null,
					fields.get("idempotencyKey"), Boolean.parseBoolean(fields.get("permanent")));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Malformed job event " + fields + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * What happened to a job.
	 */
	public enum Kind {

		/** The handler reported progress. */
		PROGRESS,

		/**
		 * The handler returned normally (published again if a re-delivered job was
		 * already done).
		 */
		COMPLETED,

		/** An attempt failed. */
		FAILED,

		/** The handler stopped because the job was cancelled. */
		CANCELLED

	}

}
