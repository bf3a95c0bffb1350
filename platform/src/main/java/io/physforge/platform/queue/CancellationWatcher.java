package io.physforge.platform.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a cancel reach the work: every half second it checks whether a running job was
 * cancelled ({@link JobQueue#cancel}, also what the orchestrator's timeout sweeper does)
 * and then interrupts the thread running its handler, so computations that check
 * interruption (physics-core's ensembles, PINN training) end within one iteration instead
 * of at their next stage boundary. The interrupt is cleared when the handler returns, so
 * the worker thread goes on with the next job.
 */
final class CancellationWatcher {

	private static final Logger logger = LoggerFactory.getLogger(CancellationWatcher.class);

	private static final long PERIOD_MILLIS = 500;

	private final JobQueue queue;

	private final Map<Thread, Watched> running = new ConcurrentHashMap<>();

	private ScheduledExecutorService executor;

	CancellationWatcher(JobQueue queue) {
		this.queue = queue;
	}

	synchronized void start(String name) {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "job-cancel-" + name);
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	/**
	 * Watches a job while the current thread runs its handler.
	 * @param jobId the job
	 */
	void watch(String jobId) {
		this.running.put(Thread.currentThread(), new Watched(jobId));
	}

	/**
	 * Stops watching the current thread's job and clears an interrupt this watcher made.
	 */
	void done() {
		Watched watched = this.running.remove(Thread.currentThread());
		if (watched != null && watched.interrupted) {
			Thread.interrupted();
		}
	}

	private void check() {
		this.running.forEach((thread, watched) -> {
			if (watched.interrupted) {
				return;
			}
			try {
				if (this.queue.isCancelled(watched.jobId)) {
					watched.interrupted = true;
					logger.info("Job {} was cancelled; interrupting {}", watched.jobId, thread.getName());
					thread.interrupt();
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Could not check whether job {} was cancelled: {}", watched.jobId, ex.toString());
			}
		});
	}

	private static final class Watched {

		private final String jobId;

		private volatile boolean interrupted;

		Watched(String jobId) {
			this.jobId = jobId;
		}

	}

}
