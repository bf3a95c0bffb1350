package io.physforge.platform.queue;

/**
 * A handler's job was cancelled (or its worker is stopping) between stages; see
 * {@link JobFailures#checkCancelled}.
 */
public class JobCancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what was cancelled
	 */
	public JobCancelledException(String message) {
		super(message);
	}

}
