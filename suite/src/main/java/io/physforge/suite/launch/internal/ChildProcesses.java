package io.physforge.suite.launch.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every child process a suite started and what must be stopped after them (the embedded
 * infrastructure), stopped by {@link #close()} or, when the JVM ends first (Ctrl-C,
 * SIGTERM, at any moment of start-up included), by a shutdown hook registered before the
 * first child starts. Thread-safe; closing twice is harmless, and a process registered
 * after closing is stopped at once.
 */
public final class ChildProcesses implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ChildProcesses.class);

	private final Duration grace;

	private final List<ServiceProcess> processes = new ArrayList<>();

	private final List<AutoCloseable> afterwards = new ArrayList<>();

	private final Thread hook;

	private boolean closed;

	/**
	 * Registers the shutdown hook.
	 * @param grace how long each process may take to stop before it is killed
	 */
	public ChildProcesses(Duration grace) {
		this.grace = grace;
		this.hook = new Thread(this::close, "physforge-stop");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/**
	 * Adds a started process.
	 * @param process the process
	 * @throws IllegalStateException after {@link #close()}: the process is stopped
	 */
	public void add(ServiceProcess process) {
		synchronized (this) {
			if (!this.closed) {
				this.processes.add(process);
				return;
			}
		}
		process.stop(this.grace);
		throw new IllegalStateException("Stopping: " + process.name() + " was not kept");
	}

	/**
	 * Adds something to close after every process has stopped.
	 * @param resource what to close
	 * @throws IllegalStateException after {@link #close()}: it is closed
	 */
	public void closeAfterwards(AutoCloseable resource) {
		synchronized (this) {
			if (!this.closed) {
				this.afterwards.add(0, resource);
				return;
			}
		}
		closeQuietly(resource);
		throw new IllegalStateException("Stopping: " + resource + " was closed");
	}

	/**
	 * @return whether {@link #close()} has begun
	 */
	public synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * Stops every process (SIGTERM to all, then each waited for up to the grace period
	 * and killed with its descendants), then closes the rest, last added first. Returns
	 * once everything has stopped, also when another thread is closing.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<ServiceProcess> stopping = List.copyOf(this.processes);
		List<Thread> stoppers = new ArrayList<>();
		for (ServiceProcess process : stopping) {
			Thread stopper = new Thread(() -> process.stop(this.grace), "stop-" + process.name());
			stopper.start();
			stoppers.add(stopper);
		}
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.afterwards.forEach(ChildProcesses::closeQuietly);
		if (Thread.currentThread() != this.hook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.hook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down already: the hook will find everything closed
			}
		}
	}

	private static void closeQuietly(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			logger.warn("Could not close {}: {}", resource, ex.getMessage());
		}
	}

}
