package io.physforge.audit.log;

import java.time.Duration;
import java.util.List;

import io.physforge.platform.jdbc.DatabaseFailures;
import io.physforge.platform.queue.QueueSettings;
import io.physforge.platform.stream.ConsumesStream;
import io.physforge.platform.stream.HandlerUnavailableException;
import io.physforge.platform.stream.RejectedMessageException;
import io.physforge.platform.stream.StreamConsumer;
import io.physforge.platform.stream.StreamConsumerSettings;
import io.physforge.platform.stream.StreamConsumerSettings.StartFrom;
import io.physforge.platform.stream.StreamHandler;
import io.physforge.platform.stream.StreamMessage;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads {@code pf:audit} (setting {@code physforge.audit.stream}) as consumer group
 * {@code audit-service} with the platform's {@link StreamConsumer} and stores each read
 * of up to 500 events in one transaction ({@link AuditIngest#ingest}); an event id seen
 * twice is stored once. A malformed event is dead-lettered to {@code pf:audit:dead} at
 * once with the reason; while the database is unreachable nothing counts as a delivery
 * (the consumer reports DOWN and backs off). Acknowledged entries are deleted from the
 * stream, so its length is the backlog the services' relays hold back on.
 */
@Component
class AuditStreamConsumer implements SmartLifecycle, ConsumesStream {

	/** The consumer group of every audit-service instance. */
	static final String GROUP = "audit-service";

	private final AuditIngest ingest;

	private final StreamConsumer consumer;

	AuditStreamConsumer(UnifiedJedis redis, AuditIngest ingest, QueueSettings queue,
			@Value("${physforge.audit.stream:pf:audit}") String stream) {
		this.ingest = ingest;
		StreamConsumerSettings settings = StreamConsumerSettings.builder(stream, GROUP)
			.consumerName("audit-" + queue.consumerName())
			.batchSize(500)
			.maxDeliveries(5)
			.retryDelay(Duration.ofSeconds(1))
			.startFrom(StartFrom.BEGINNING)
			.deleteAcknowledged(true)
			.build();
		this.consumer = new StreamConsumer(redis, settings, new Handler());
	}

	@Override
	public void start() {
		this.consumer.start();
	}

	@Override
	public void stop() {
		this.consumer.stop(Duration.ofSeconds(5));
	}

	@Override
	public boolean isRunning() {
		return this.consumer.isRunning();
	}

	@Override
	public StreamConsumer streamConsumer() {
		return this.consumer;
	}

	private final class Handler implements StreamHandler {

		@Override
		public void handle(StreamMessage message) throws RejectedMessageException, HandlerUnavailableException {
			handleBatch(List.of(message));
		}

		@Override
		public void handleBatch(List<StreamMessage> batch)
				throws RejectedMessageException, HandlerUnavailableException {
			List<RawEntry> entries = batch.stream()
				.map((message) -> new RawEntry(message.id(), message.fields()))
				.toList();
			try {
				AuditStreamConsumer.this.ingest.ingest(entries);
			}
			catch (MalformedEntryException ex) {
				// in a batch the consumer falls back to one entry at a time, so only the
				// malformed one is rejected
				throw new RejectedMessageException("malformed audit event: " + ex.getMessage(), ex);
			}
			catch (RuntimeException ex) {
				if (DatabaseFailures.unreachable(ex)) {
					throw new HandlerUnavailableException("the database is unavailable: " + ex.getMessage(), ex);
				}
				throw ex;
			}
		}

	}

}
