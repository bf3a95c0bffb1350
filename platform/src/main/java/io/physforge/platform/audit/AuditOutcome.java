package io.physforge.platform.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	/** It was done. */
	SUCCESS,

	/** It was refused: not authenticated or not allowed. */
	DENIED,

	/** It was attempted and failed. */
	FAILURE

}
