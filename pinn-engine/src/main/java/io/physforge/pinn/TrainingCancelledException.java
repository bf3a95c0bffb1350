package io.physforge.pinn;

/** Thrown by the trainer when its {@link TrainingMonitor} asks it to stop. */
public class TrainingCancelledException extends RuntimeException {

	private final int step;

	public TrainingCancelledException(int step) {
		super("PINN training cancelled at step " + step);
		this.step = step;
	}

	/** Steps done before the cancel. */
	public int step() {
		return this.step;
	}

}
