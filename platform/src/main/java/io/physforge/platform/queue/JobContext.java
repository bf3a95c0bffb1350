package io.physforge.platform.queue;

/**
 * What a running {@link JobHandler} can tell and ask the queue.
 */
public interface JobContext {

	/**
	 * Publishes a {@code progress} event to {@code pf:job-events}.
	 * @param fraction done so far, 0 to 1
	 * @param message a short human description, may be {@code null}
	 */
	void progress(double fraction, String message);

	/**
	 * Whether the job was cancelled ({@link JobQueue#cancel(String)}) or the worker is
	 * stopping. Long handlers should check it between steps and return early.
	 * @return {@code true} to stop
	 */
	boolean cancelled();

}
