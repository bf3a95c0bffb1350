package io.physforge.platform.stream;

/**
 * What a {@link StreamConsumer} reports about itself.
 *
 * @param state UP while consuming, DOWN while it cannot (with the reason), STOPPED before
 * start and after stop
 * @param stream the stream
 * @param group the consumer group
 * @param reason why DOWN, else {@code null}
 */
public record StreamConsumerHealth(State state, String stream, String group, String reason) {

	/** The consumer's state. */
	public enum State {

		/** Consuming. */
		UP,

		/**
		 * Running but unable to consume, or its last handler call failed with an Error.
		 */
		DOWN,

		/** Not started, or stopped. */
		STOPPED

	}

}
