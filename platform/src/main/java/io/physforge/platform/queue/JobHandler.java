package io.physforge.platform.queue;

/**
 * Runs one job. Throwing (any {@link Throwable}) fails the job: the worker publishes
 * {@code failed} and dead-letters the message without retrying it (the orchestrator
 * decides about another attempt). Implementations must be idempotent for their side
 * effects, since a job whose worker died is run again (see the package documentation).
 */
@FunctionalInterface
public interface JobHandler {

	/**
	 * Runs the job.
	 * @param message the job, with {@link JobMessage#attempt()} set to this delivery's
	 * number (1 for the first)
	 * @param context progress reporting and cancellation
	 * @throws Exception to fail the job
	 */
	void handle(JobMessage message, JobContext context) throws Exception;

}
