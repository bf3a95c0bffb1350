package io.physforge.suite.launch.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.physforge.suite.launch.RestartBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service again when its process ends without having been asked to stop (a
 * crash, {@code kill -9}), after a delay growing with the crashes in a row
 * ({@link RestartBackoff}).
 */
public final class Supervisor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Supervisor.class);

	private final RestartBackoff backoff;

	private final UnaryOperator<ServiceProcess> restart;

	private final Map<String, Integer> crashesInARow = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "physforge-supervisor");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean closed;

	/**
	 * @param backoff when to restart
	 * @param restart starts a replacement for the ended process and returns it, or
	 * returns {@code null} when it is no longer wanted (replaced meanwhile, suite
	 * closing)
	 */
	public Supervisor(RestartBackoff backoff, UnaryOperator<ServiceProcess> restart) {
		this.backoff = backoff;
		this.restart = restart;
	}

	/**
	 * Watches a process (already ended ones included).
	 * @param process the process
	 */
	public void watch(ServiceProcess process) {
		process.onExit().thenRun(() -> ended(process));
	}

	private void ended(ServiceProcess process) {
		if (this.closed || process.stopRequested()) {
			return;
		}
		double lived = process.secondsSinceStart();
		int crashes = (lived * 1000 >= this.backoff.stable().toMillis()) ? 1
				: this.crashesInARow.getOrDefault(process.name(), 0) + 1;
		this.crashesInARow.put(process.name(), crashes);
		Duration delay = this.backoff.delay(crashes);
		logger.warn("{} exited unexpectedly (status {}) after {} s; starting it again in {} ms (crash {} in a row)",
				process, process.exitValue(), String.format("%.1f", lived), delay.toMillis(), crashes);
		try {
			this.timer.schedule(() -> replace(process), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			// closed meanwhile
		}
	}

	private void replace(ServiceProcess ended) {
		if (this.closed) {
			return;
		}
		try {
			ServiceProcess next = this.restart.apply(ended);
			if (next != null) {
				logger.info("Started {} again", next);
				watch(next);
				this.timer.schedule(() -> awaitHealthy(next), 1, TimeUnit.SECONDS);
			}
		}
		catch (RuntimeException ex) {
			if (!this.closed) {
				logger.error("Could not start {} again: {}", ended.name(), ex.getMessage());
			}
		}
	}

	private void awaitHealthy(ServiceProcess process) {
		if (this.closed || !process.isAlive()) {
			return;
		}
		if (process.isHealthy()) {
			logger.info("{} is healthy again after {} s", process.name(),
					String.format("%.1f", process.secondsSinceStart()));
			return;
		}
		try {
			this.timer.schedule(() -> awaitHealthy(process), 1, TimeUnit.SECONDS);
		}
		catch (RuntimeException ex) {
			// closed meanwhile
		}
	}

	/**
	 * Stops restarting.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.timer.shutdownNow();
	}

}
