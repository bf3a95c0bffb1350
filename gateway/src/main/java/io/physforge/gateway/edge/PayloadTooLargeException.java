package io.physforge.gateway.edge;

/**
 * A request body that passed its limit while it streamed through the gateway; answered
 * 413.
 */
final class PayloadTooLargeException extends RuntimeException {

	private final long maxBytes;

	PayloadTooLargeException(long maxBytes) {
		super("request body over " + maxBytes + " bytes", null, false, false);
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

}
