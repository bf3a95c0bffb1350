package io.physforge.platform.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.physforge.platform.stream.internal.StreamEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * What one {@link StreamConsumer} thread does with the entries it claimed or read:
 * dead-letter those delivered too often, hand the rest to the handler (as a batch, then
 * one at a time when the batch fails), acknowledge what succeeded, schedule a retry of
 * what failed or dead-letter it after {@code max-deliveries}.
 */
final class EntryProcessor {

	/** No retry scheduled. */
	static final long NO_RETRY = Long.MIN_VALUE;

	private static final Logger logger = LoggerFactory.getLogger(StreamConsumer.class);

	private final StreamConsumerSettings settings;

	private final StreamHandler handler;

	private final DeadLetterListener deadLetters;

	private final StreamEntries entries;

	private final ConsumerStatus status;

	private final Map<StreamEntryID, String> inFlight;

	private final BooleanSupplier running;

	private final boolean batches;

	EntryProcessor(StreamConsumerSettings settings, StreamHandler handler, DeadLetterListener deadLetters,
			StreamEntries entries, ConsumerStatus status, Map<StreamEntryID, String> inFlight,
			BooleanSupplier running) {
		this.settings = settings;
		this.handler = handler;
		this.deadLetters = deadLetters;
		this.entries = entries;
		this.status = status;
		this.inFlight = inFlight;
		this.running = running;
		this.batches = overridesHandleBatch(handler);
	}

	/**
	 * Handles entries of one claim or read.
	 * @param consumer this thread's consumer name
	 * @param batch the entries, oldest first
	 * @param claimed whether they were re-claimed (else read new: delivered once)
	 * @return when the earliest retry becomes claimable ({@link System#nanoTime()}), or
	 * {@link #NO_RETRY}
	 */
	long process(String consumer, List<StreamEntry> batch, boolean claimed) throws HandlerUnavailableException {
		Map<StreamEntryID, Long> deliveries = claimed ? this.entries.deliveries(consumer, batch) : Map.of();
		List<StreamEntryID> gone = new ArrayList<>();
		List<StreamMessage> ready = new ArrayList<>();
		for (StreamEntry entry : batch) {
			if (entry.getFields() == null) {
				// deleted while pending (Redis 6.2 reports such entries with no fields)
				gone.add(entry.getID());
				continue;
			}
			StreamMessage message = new StreamMessage(entry.getID().toString(), entry.getFields(),
					deliveries.getOrDefault(entry.getID(), 1L));
			if (message.deliveries() > this.settings.maxDeliveries()) {
				String last = this.entries.lastError(entry.getID());
				String reason = (last != null) ? last
						: "the consumer stopped or died during each of " + (message.deliveries() - 1) + " deliveries";
				exhausted(message, message.deliveries() - 1, reason);
				continue;
			}
			ready.add(message);
		}
		this.entries.acknowledge(gone);
		if (this.batches && ready.size() > 1 && handleBatch(consumer, ready)) {
			return NO_RETRY;
		}
		long retryAt = NO_RETRY;
		for (StreamMessage message : ready) {
			long next = handleOne(consumer, message);
			if (next != NO_RETRY && (retryAt == NO_RETRY || next - retryAt < 0)) {
				retryAt = next;
			}
		}
		return retryAt;
	}

	private boolean handleBatch(String consumer, List<StreamMessage> batch) throws HandlerUnavailableException {
		batch.forEach((message) -> this.inFlight.put(id(message), consumer));
		try {
			this.handler.handleBatch(List.copyOf(batch));
		}
		catch (HandlerUnavailableException ex) {
			batch.forEach((message) -> undoDelivery(consumer, message));
			throw ex;
		}
		catch (Throwable ex) {
			this.status.handlerFailed(ex);
			logger.warn("A batch of {} entries of {} failed ({}); handling them one at a time", batch.size(),
					this.settings.stream(), ConsumerStatus.describe(ex), ex);
			return false;
		}
		finally {
			batch.forEach((message) -> this.inFlight.remove(id(message)));
		}
		this.entries.acknowledge(batch.stream().map(EntryProcessor::id).toList());
		this.status.handlerSucceeded();
		return true;
	}

	private long handleOne(String consumer, StreamMessage message) throws HandlerUnavailableException {
		StreamEntryID id = id(message);
		this.inFlight.put(id, consumer);
		Throwable failure = null;
		try {
			this.handler.handle(message);
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finally {
			this.inFlight.remove(id);
		}
		if (failure == null) {
			this.entries.acknowledge(List.of(id));
			this.status.handlerSucceeded();
			return NO_RETRY;
		}
		return failed(consumer, message, failure);
	}

	private long failed(String consumer, StreamMessage message, Throwable failure) throws HandlerUnavailableException {
		StreamEntryID id = id(message);
		if (failure instanceof HandlerUnavailableException unavailable) {
			// not this entry's fault: the loop backs off, the entry keeps its count
			undoDelivery(consumer, message);
			throw unavailable;
		}
		this.status.handlerFailed(failure);
		if (failure instanceof RejectedMessageException) {
			logger.warn("Dead-lettering entry {} of {} to {}: {}", id, this.settings.stream(),
					this.settings.deadLetterStream(), failure.getMessage(), failure.getCause());
			this.entries.deadLetter(id, message.fields(), message.deliveries(), failure.getMessage());
			return NO_RETRY;
		}
		String reason = ConsumerStatus.describe(failure);
		if (!this.running.getAsBoolean()) {
			logger.info("Entry {} of {} interrupted by shutdown ({}); it will be re-claimed", id,
					this.settings.stream(), reason);
			return NO_RETRY;
		}
		if (ConsumerStatus.errorIn(failure) != null) {
			logger.error("Handler of {} failed on entry {} (delivery {}) with an Error; still consuming",
					this.settings.stream(), id, message.deliveries(), failure);
		}
		if (message.deliveries() >= this.settings.maxDeliveries()) {
			logger.warn("Entry {} of {} failed delivery {} of {}", id, this.settings.stream(), message.deliveries(),
					this.settings.maxDeliveries(), (ConsumerStatus.errorIn(failure) != null) ? null : failure);
			exhausted(message, message.deliveries(), reason);
			return NO_RETRY;
		}
		logger.info("Entry {} of {} failed delivery {} of {}, retrying in {}: {}", id, this.settings.stream(),
				message.deliveries(), this.settings.maxDeliveries(), this.settings.retryDelay(), reason);
		this.entries.recordError(id, reason);
		long lease = this.settings.lease().toMillis();
		long idle = Math.max(0, lease - this.settings.retryDelay().toMillis());
		this.entries.setIdle(consumer, id, idle);
		return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lease - idle);
	}

	private void undoDelivery(String consumer, StreamMessage message) {
		this.entries.undoDelivery(consumer, id(message), message.deliveries() - 1, this.settings.lease().toMillis());
	}

	private void exhausted(StreamMessage message, long deliveries, String reason) {
		logger.warn("Dead-lettering entry {} of {} to {} after {} deliveries: {}", message.id(), this.settings.stream(),
				this.settings.deadLetterStream(), deliveries, reason);
		this.entries.deadLetter(id(message), message.fields(), deliveries, reason);
		try {
			this.deadLetters.deadLettered(message, reason);
		}
		catch (RuntimeException ex) {
			logger.warn("Dead-letter listener of {} failed: {}", this.settings.stream(), ex.toString());
		}
	}

	/**
	 * Whether the handler has its own {@link StreamHandler#handleBatch}: the default one
	 * would hand entries before a failing one to {@link StreamHandler#handle} twice (once
	 * in the batch, once in the fallback), so without an override entries go one at a
	 * time, each acknowledged on its own.
	 */
	private static boolean overridesHandleBatch(StreamHandler handler) {
		try {
			return handler.getClass().getMethod("handleBatch", List.class).getDeclaringClass() != StreamHandler.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static StreamEntryID id(StreamMessage message) {
		return new StreamEntryID(message.id());
	}

}
