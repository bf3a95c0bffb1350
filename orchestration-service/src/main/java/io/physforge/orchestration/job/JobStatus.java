package io.physforge.orchestration.job;

import java.util.Locale;

/**
 * Status of a job, and of a pipeline.
 */
public enum JobStatus {

	/** Waiting for upstream jobs, for the queue, or for a retry. */
	QUEUED,

	/** A worker reported progress. */
	RUNNING,

	/** Done; the result reference is stored. */
	COMPLETED,

	/** Gave up: attempts used up, timed out, or (for a pipeline) a job failed. */
	FAILED,

	/** Stopped on request, or skipped because the pipeline ended. */
	CANCELLED;

	/**
	 * @return the lower-case name stored and shown
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return whether nothing more happens to it
	 */
	public boolean terminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

	/**
	 * @param id a stored name
	 * @return the status
	 */
	public static JobStatus of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

}
