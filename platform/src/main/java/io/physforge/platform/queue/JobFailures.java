package io.physforge.platform.queue;

import java.util.function.BiConsumer;

/**
 * The failure tail a worker's {@link JobHandler} shares: cancellation checks between
 * stages, and what a failed attempt records on the job's row (cancelled, failed, or
 * nothing while the worker stops) and whether it is a {@link PermanentJobFailure}.
 */
public final class JobFailures {

	/** Status of a job that failed. */
	public static final String FAILED = "failed";

	/** Status of a job that was cancelled. */
	public static final String CANCELLED = "cancelled";

	private JobFailures() {
	}

	/**
	 * Stops a job between stages when it was cancelled or its worker is stopping.
	 * @param message the job's message
	 * @param context its context
	 * @throws JobCancelledException when {@link JobContext#cancelled()}
	 */
	public static void checkCancelled(JobMessage message, JobContext context) {
		if (context.cancelled()) {
			throw new JobCancelledException("job " + message.jobId() + " was cancelled");
		}
	}

	/**
	 * Records a failed attempt of a job, for the handler to rethrow {@code ex} after: a
	 * job whose worker is stopping (and that was not cancelled) records nothing, it stays
	 * pending and is claimed again; a cancelled job ends {@value #CANCELLED}; any other
	 * ends {@value #FAILED} and is reported to {@code failed} (an audit event), and when
	 * {@code ex} is an {@link IllegalArgumentException} (bad data or parameters: another
	 * attempt would fail the same way) a {@link PermanentJobFailure} is thrown instead.
	 * @param queue the queue (whether the job was cancelled)
	 * @param message the job's message
	 * @param context its context (whether the worker is stopping)
	 * @param ex what the attempt threw
	 * @param finish ends the job's row with a status ({@value #CANCELLED} or
	 * {@value #FAILED}) and an error text
	 * @param failed called after a job ended {@value #FAILED}
	 * @throws PermanentJobFailure for an {@link IllegalArgumentException}
	 */
	public static void record(JobQueue queue, JobMessage message, JobContext context, Throwable ex,
			BiConsumer<String, String> finish, Runnable failed) {
		// a cancel interrupts the handler's thread; the row is written without the
		// interrupt, which would fail a pooled connection's hand-over
		boolean interrupted = Thread.interrupted();
		try {
			recordFailure(queue, message, context, ex, finish, failed);
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void recordFailure(JobQueue queue, JobMessage message, JobContext context, Throwable ex,
			BiConsumer<String, String> finish, Runnable failed) {
		boolean cancelled = queue.isCancelled(message.jobId());
		if (context.cancelled() && !cancelled) {
			// the worker is stopping: the job stays pending and is re-claimed
			return;
		}
		if (cancelled) {
			finish.accept(CANCELLED, "cancelled (" + describe(ex) + ")");
			return;
		}
		finish.accept(FAILED, describe(ex));
		failed.run();
		if (ex instanceof IllegalArgumentException) {
			throw new PermanentJobFailure(describe(ex), ex);
		}
	}

	/**
	 * @param ex a failure
	 * @return its text as stored on a job: the message of an
	 * {@link IllegalArgumentException} (bad input), else the class's simple name and the
	 * message
	 */
	public static String describe(Throwable ex) {
		String text = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return (ex instanceof IllegalArgumentException) ? text : ex.getClass().getSimpleName() + ": " + text;
	}

}
