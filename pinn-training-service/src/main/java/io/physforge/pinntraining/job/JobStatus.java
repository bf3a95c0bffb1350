package io.physforge.pinntraining.job;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a training job stands.
 */
public enum JobStatus {

	/** Submitted here, waiting for a worker. */
	QUEUED,

	/** A worker is training it (or died; the re-delivery after its lease resumes it). */
	RUNNING,

	/** Its model checkpoint is stored. */
	COMPLETED,

	/** The last attempt failed; {@code error} says why. */
	FAILED,

	/** It was cancelled. */
	CANCELLED;

	/**
	 * @return the lower-case name used in the API and the database
	 */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return whether the job has ended
	 */
	public boolean terminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

	/**
	 * @param id a stored status
	 * @return the status
	 */
	public static JobStatus of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

}
