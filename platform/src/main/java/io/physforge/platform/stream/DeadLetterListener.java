package io.physforge.platform.stream;

/**
 * Told when an entry was dead-lettered because it was delivered {@code max-deliveries}
 * times (failing each time, or its consumers died), so the owner can report it (a job
 * worker publishes a {@code failed} event).
 */
@FunctionalInterface
public interface DeadLetterListener {

	/**
	 * @param message the entry, with its delivery count
	 * @param reason the reason stored with the dead letter
	 */
	void deadLettered(StreamMessage message, String reason);

}
