package io.physforge.platform.audit;

import java.util.Locale;

/**
 * How an audited action ended; written in lower case on the wire.
 */
public enum AuditOutcome {

	/** It was done. */
	SUCCESS,

	/** It was refused: not authenticated, not allowed, locked out. */
	DENIED,

	/** It was attempted and failed. */
	FAILED;

	/**
	 * @return the wire form: {@code success}, {@code denied} or {@code failed}
	 */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
