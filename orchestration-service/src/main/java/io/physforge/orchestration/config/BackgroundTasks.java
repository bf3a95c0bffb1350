package io.physforge.orchestration.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.physforge.orchestration.job.JobLifecycle;
import io.physforge.orchestration.outbox.OutboxRelay;
import io.physforge.orchestration.outbox.Republisher;
import io.physforge.orchestration.sse.ProgressHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox relay, the timeout sweeper, the re-publisher (first at start) and the
 * SSE heartbeat at their intervals, each on its own thread so a slow one never delays the
 * others.
 */
@Component
public class BackgroundTasks implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BackgroundTasks.class);

	private final OutboxRelay relay;

	private final JobLifecycle lifecycle;

	private final Republisher republisher;

	private final ProgressHub hub;

	private final OrchestrationProperties properties;

	private ScheduledExecutorService executor;

	public BackgroundTasks(OutboxRelay relay, JobLifecycle lifecycle, Republisher republisher, ProgressHub hub,
			OrchestrationProperties properties) {
		this.relay = relay;
		this.lifecycle = lifecycle;
		this.republisher = republisher;
		this.hub = hub;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newScheduledThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "orchestration-background");
			thread.setDaemon(true);
			return thread;
		});
		schedule("outbox relay", this.relay::relay, Duration.ZERO, this.properties.relayInterval());
		schedule("timeout sweeper", this.lifecycle::sweepTimeouts, this.properties.sweepInterval(),
				this.properties.sweepInterval());
		schedule("re-publisher", this.republisher::reconcile, Duration.ZERO, this.properties.reconcileInterval());
		schedule("heartbeat", () -> {
			this.hub.heartbeat();
			return 0;
		}, this.properties.sseHeartbeat(), this.properties.sseHeartbeat());
	}

	private void schedule(String name, IntSupplier task, Duration initialDelay, Duration interval) {
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				task.getAsInt();
			}
			catch (RuntimeException ex) {
				logger.warn("{} failed: {}", name, ex.toString());
			}
		}, initialDelay.toMillis(), Math.max(10, interval.toMillis()), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
