package io.physforge.pinn;

/**
 * Watches a training run: receives the loss curve and can stop it. Both methods are
 * called on the training thread; {@link #cancelled()} is polled every step, so a cancel
 * takes effect within one step (milliseconds to a second).
 */
public interface TrainingMonitor {

	/** A monitor that ignores progress and never cancels. */
	TrainingMonitor NONE = new TrainingMonitor() {
	};

	/** Called every {@link PinnSettings#progressEvery()} steps and at the end. */
	default void progress(TrainingProgress progress) {
	}

	/**
	 * Whether the run should stop now; it then throws {@link TrainingCancelledException}.
	 */
	default boolean cancelled() {
		return false;
	}

}
