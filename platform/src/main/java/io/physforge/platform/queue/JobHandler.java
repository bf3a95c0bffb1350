package io.physforge.platform.queue;

/**
 * Runs one job. Throwing fails the attempt: the job is retried after
 * {@code physforge.queue.retry-delay} until {@code max-attempts}, then dead-lettered.
 * Implementations must be idempotent for their side effects (see the package
 * documentation).
 */
@FunctionalInterface
public interface JobHandler {

	/**
	 * Runs the job.
	 * @param message the job, with {@link JobMessage#attempt()} set to this delivery's
	 * number (1 for the first)
	 * @param context progress reporting and cancellation
	 * @throws Exception to fail this attempt
	 */
	void handle(JobMessage message, JobContext context) throws Exception;

}
