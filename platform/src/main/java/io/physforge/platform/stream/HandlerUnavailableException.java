package io.physforge.platform.stream;

/**
 * Thrown by a {@link StreamHandler} when something it needs is down (its database), not
 * because of the entry: the entry stays pending without counting as a delivery (so an
 * outage never dead-letters good entries), the consumer reports DOWN with this reason and
 * tries again after its restart backoff.
 */
public class HandlerUnavailableException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * @param reason what is down
	 * @param cause the failure, may be {@code null}
	 */
	public HandlerUnavailableException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
