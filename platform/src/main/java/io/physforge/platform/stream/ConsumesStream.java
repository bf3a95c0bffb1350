package io.physforge.platform.stream;

/**
 * A bean that consumes a stream through a {@link StreamConsumer} it owns (a job worker,
 * the orchestrator's event consumer), so the consumer's health is reported.
 */
@FunctionalInterface
public interface ConsumesStream {

	/**
	 * @return the consumer
	 */
	StreamConsumer streamConsumer();

}
