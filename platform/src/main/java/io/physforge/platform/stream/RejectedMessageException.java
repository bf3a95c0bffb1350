package io.physforge.platform.stream;

/**
 * Thrown by a {@link StreamHandler} for an entry that must not be delivered again (it is
 * malformed, or its failure was already reported and retrying is someone else's
 * decision): the consumer moves it to the dead-letter stream at once with this message as
 * the reason. An {@link Error} as the cause still shows in the consumer's health.
 */
public class RejectedMessageException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * @param reason why, stored with the dead letter
	 * @param cause the failure, may be {@code null}
	 */
	public RejectedMessageException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
