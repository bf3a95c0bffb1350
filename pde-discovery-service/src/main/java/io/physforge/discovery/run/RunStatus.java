package io.physforge.discovery.run;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a discovery run stands.
 */
public enum RunStatus {

	/** A worker is running it (or died; a retry resumes it). */
	RUNNING,

	/** Its equations are stored. */
	COMPLETED,

	/** The last attempt failed; {@code error} says why. */
	FAILED,

	/** The job was cancelled. */
	CANCELLED;

	/**
	 * @return the lower-case name used in JSON and in the database
	 */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param id a lower-case name
	 * @return the status
	 */
	public static RunStatus of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

}
