package io.physforge.orchestration.events;

import io.physforge.orchestration.config.OrchestrationProperties;
import io.physforge.orchestration.job.JobLifecycle;
import io.physforge.platform.jdbc.DatabaseFailures;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobEvents;
import io.physforge.platform.stream.ConsumesStream;
import io.physforge.platform.stream.HandlerUnavailableException;
import io.physforge.platform.stream.RejectedMessageException;
import io.physforge.platform.stream.StreamConsumer;
import io.physforge.platform.stream.StreamConsumerSettings;
import io.physforge.platform.stream.StreamConsumerSettings.StartFrom;
import io.physforge.platform.stream.StreamMessage;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads {@code pf:job-events} as consumer group {@code events-group} with the platform's
 * {@link StreamConsumer} and applies each event with {@link JobLifecycle#onEvent}; the
 * event is acknowledged after that committed. An event whose handling fails is handled
 * again after {@code events-retry-delay}; after {@code events-max-deliveries} it goes to
 * {@code pf:job-events:dead} with the reason, and the events after it keep flowing. A
 * malformed event is dead-lettered at once. While the database is unreachable no event
 * counts a delivery: the consumer reports DOWN and backs off, so an outage dead-letters
 * nothing. Events stay in the stream (other readers).
 */
@Component
public class JobEventConsumer implements SmartLifecycle, ConsumesStream {

	private final JobLifecycle lifecycle;

	private final StreamConsumer consumer;

	public JobEventConsumer(UnifiedJedis redis, JobLifecycle lifecycle, OrchestrationProperties properties) {
		this.lifecycle = lifecycle;
		StreamConsumerSettings settings = StreamConsumerSettings.builder(JobEvents.STREAM, properties.eventsGroup())
			.consumerName(properties.consumerName())
			.lease(java.time.Duration.ofSeconds(60))
			.maxDeliveries(properties.eventsMaxDeliveries())
			.retryDelay(properties.eventsRetryDelay())
			.batchSize(50)
			.startFrom(StartFrom.NEW_ENTRIES)
			.deleteAcknowledged(false)
			.build();
		this.consumer = new StreamConsumer(redis, settings, this::apply);
	}

	@Override
	public void start() {
		this.consumer.start();
	}

	@Override
	public void stop() {
		this.consumer.stop(java.time.Duration.ofSeconds(5));
	}

	@Override
	public boolean isRunning() {
		return this.consumer.isRunning();
	}

	@Override
	public StreamConsumer streamConsumer() {
		return this.consumer;
	}

	/**
	 * @return the consumer group
	 */
	public String group() {
		return this.consumer.settings().group();
	}

	private void apply(StreamMessage message) throws RejectedMessageException, HandlerUnavailableException {
		JobEvent event;
		try {
			event = JobEvent.fromFields(message.fields());
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedMessageException("malformed job event: " + ex.getMessage(), ex);
		}
		try {
			this.lifecycle.onEvent(event);
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.unreachable(ex)) {
				throw new HandlerUnavailableException("the database is unavailable: " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

}
