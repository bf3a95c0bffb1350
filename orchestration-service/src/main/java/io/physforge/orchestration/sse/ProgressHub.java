package io.physforge.orchestration.sse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.physforge.orchestration.config.OrchestrationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of this instance, by pipeline and by owner.
 * {@link #publish} sends an event once the current transaction commits (at once outside
 * one), so clients never see a change that was rolled back.
 */
@Component
public class ProgressHub implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProgressHub.class);

	private final Map<UUID, Set<Subscriber>> byPipeline = new ConcurrentHashMap<>();

	private final Map<String, Set<Subscriber>> byOwner = new ConcurrentHashMap<>();

	private final long timeoutMillis;

	private volatile boolean running;

	public ProgressHub(OrchestrationProperties properties) {
		this.timeoutMillis = properties.sseTimeout().toMillis();
	}

	/**
	 * Sends an event to the streams of its pipeline and owner after the current
	 * transaction commits.
	 * @param event the event
	 */
	public void publish(ProgressEvent event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send(event);
				}
			});
		}
		else {
			send(event);
		}
	}

	/**
	 * Opens a stream of one pipeline. Register first, then send the current state, so no
	 * change falls between the two.
	 * @param pipelineId the pipeline
	 * @return the subscriber, to send the snapshot through
	 */
	public Subscriber watchPipeline(UUID pipelineId) {
		Subscriber subscriber = new Subscriber(new SseEmitter(this.timeoutMillis), true);
		add(this.byPipeline, pipelineId, subscriber);
		return subscriber;
	}

	/**
	 * Opens a stream of all pipelines of one owner.
	 * @param ownerId the owner
	 * @return the subscriber
	 */
	public Subscriber watchOwner(String ownerId) {
		Subscriber subscriber = new Subscriber(new SseEmitter(this.timeoutMillis), false);
		add(this.byOwner, ownerId, subscriber);
		return subscriber;
	}

	/**
	 * Sends a comment line to every stream, so proxies keep them open and dead clients
	 * are noticed.
	 */
	public void heartbeat() {
		for (Set<Subscriber> subscribers : List.of(this.byPipeline, this.byOwner)
			.stream()
			.flatMap((map) -> map.values().stream())
			.toList()) {
			for (Subscriber subscriber : subscribers) {
				subscriber.send(SseEmitter.event().comment("keep-alive"), false);
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every open stream, so that the web server's graceful shutdown does not wait
	 * for them; clients reconnect to another instance.
	 */
	@Override
	public void stop() {
		this.running = false;
		for (Map<?, Set<Subscriber>> map : List.of(this.byPipeline, this.byOwner)) {
			for (Set<Subscriber> subscribers : map.values()) {
				for (Subscriber subscriber : subscribers) {
					subscriber.close();
				}
			}
			map.clear();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * @return how many streams are open
	 */
	public int openStreams() {
		return this.byPipeline.values().stream().mapToInt(Set::size).sum()
				+ this.byOwner.values().stream().mapToInt(Set::size).sum();
	}

	private <K> void add(Map<K, Set<Subscriber>> map, K key, Subscriber subscriber) {
		map.computeIfAbsent(key, (k) -> ConcurrentHashMap.newKeySet()).add(subscriber);
		Runnable remove = () -> map.computeIfPresent(key, (k, set) -> {
			set.remove(subscriber);
			return set.isEmpty() ? null : set;
		});
		subscriber.emitter.onCompletion(remove);
		subscriber.emitter.onTimeout(remove);
		subscriber.emitter.onError((ex) -> remove.run());
	}

	private void send(ProgressEvent event) {
		for (Subscriber subscriber : this.byPipeline.getOrDefault(event.pipelineId(), Set.of())) {
			subscriber.send(event.name(), event.data(), event.last());
		}
		for (Subscriber subscriber : this.byOwner.getOrDefault(event.ownerId(), Set.of())) {
			subscriber.send(event.name(), event.data(), false);
		}
	}

	/**
	 * One open stream.
	 */
	public static final class Subscriber {

		private final SseEmitter emitter;

		private final boolean closesWithPipeline;

		private boolean closed;

		Subscriber(SseEmitter emitter, boolean closesWithPipeline) {
			this.emitter = emitter;
			this.closesWithPipeline = closesWithPipeline;
		}

		/**
		 * @return the emitter to return from the controller
		 */
		public SseEmitter emitter() {
			return this.emitter;
		}

		/**
		 * Sends an event.
		 * @param name event name
		 * @param data event data (JSON)
		 * @param last whether to close the stream after it (pipeline streams only)
		 */
		public void send(String name, Object data, boolean last) {
			send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON), last);
		}

		/**
		 * Sends a comment line (clients ignore it; it commits the response headers).
		 * @param text the comment
		 */
		public void comment(String text) {
			send(SseEmitter.event().comment(text), false);
		}

		synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				this.emitter.complete();
			}
		}

		synchronized void send(SseEmitter.SseEventBuilder event, boolean last) {
			if (this.closed) {
				return;
			}
			try {
				this.emitter.send(event);
				if (last && this.closesWithPipeline) {
					this.closed = true;
					this.emitter.complete();
				}
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("Closing a progress stream: {}", ex.toString());
				this.closed = true;
				this.emitter.completeWithError(ex);
			}
		}

	}

}
