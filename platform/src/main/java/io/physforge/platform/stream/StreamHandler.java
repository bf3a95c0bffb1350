package io.physforge.platform.stream;

import java.util.List;

/**
 * Handles the entries of a stream. Returning acknowledges; throwing (any
 * {@link Throwable}) fails the delivery: the entry is delivered again after the retry
 * delay, and dead-lettered after {@code max-deliveries}. Throw
 * {@link RejectedMessageException} to dead-letter an entry at once, and
 * {@link HandlerUnavailableException} when a dependency is down (the entry waits, not
 * counted as a delivery, while the consumer backs off).
 */
@FunctionalInterface
public interface StreamHandler {

	/**
	 * Handles one entry.
	 * @param message the entry
	 * @throws Exception to fail this delivery
	 */
	void handle(StreamMessage message) throws Exception;

	/**
	 * Handles the entries of one read together; a consumer that commits a batch in one
	 * transaction overrides this (all or nothing). When it throws, the consumer hands the
	 * same entries to {@link #handle} one at a time, so only a poison entry fails. A
	 * handler that does not override it gets its entries one at a time, each acknowledged
	 * on its own.
	 * @param batch the entries, oldest first, at least two
	 * @throws Exception to fall back to one entry at a time
	 */
	default void handleBatch(List<StreamMessage> batch) throws Exception {
		for (StreamMessage message : batch) {
			handle(message);
		}
	}

}
