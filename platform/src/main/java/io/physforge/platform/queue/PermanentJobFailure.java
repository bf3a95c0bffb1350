package io.physforge.platform.queue;

/**
 * A failure that another attempt cannot fix: bad input data, invalid parameters, a
 * payload that names nothing usable. A {@link JobHandler} throws it (or an exception
 * whose cause chain holds one) to have the job dead-lettered at once instead of retried:
 * the worker publishes {@code failed} with {@code retrying=false} and
 * {@code permanent=true}, so the orchestrator fails the job without a new attempt either.
 * The message should say what is wrong, where, and how to fix it.
 */
public class PermanentJobFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what is wrong and how to fix it
	 */
	public PermanentJobFailure(String message) {
		super(message);
	}

	/**
	 * @param message what is wrong and how to fix it
	 * @param cause the underlying exception
	 */
	public PermanentJobFailure(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * The permanent failure in a throwable's cause chain.
	 * @param failure a handler's failure
	 * @return the first {@link PermanentJobFailure} in its cause chain, or {@code null}
	 */
	public static PermanentJobFailure find(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < 20; depth++) {
			if (current instanceof PermanentJobFailure permanent) {
				return permanent;
			}
			current = current.getCause();
		}
		return null;
	}

}
