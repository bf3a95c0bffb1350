package io.physforge.platform.stream;

import io.physforge.platform.stream.StreamConsumerHealth.State;

/**
 * The health of one {@link StreamConsumer}: DOWN while its loop cannot consume (until a
 * read succeeds) or after a handler failed with an {@link Error} (until a message
 * succeeds).
 */
final class ConsumerStatus {

	private final String stream;

	private final String group;

	private volatile boolean running;

	private volatile String loopProblem;

	private volatile String handlerProblem;

	ConsumerStatus(String stream, String group) {
		this.stream = stream;
		this.group = group;
	}

	void running(boolean running) {
		this.running = running;
		if (!running) {
			this.loopProblem = null;
			this.handlerProblem = null;
		}
	}

	void loopFailed(String reason) {
		this.loopProblem = reason;
	}

	void loopWorks() {
		if (this.loopProblem != null) {
			this.loopProblem = null;
		}
	}

	void handlerFailed(Throwable failure) {
		Throwable error = errorIn(failure);
		if (error != null) {
			this.handlerProblem = "handler failed with " + describe(error);
		}
	}

	void handlerSucceeded() {
		if (this.handlerProblem != null) {
			this.handlerProblem = null;
		}
	}

	StreamConsumerHealth health() {
		if (!this.running) {
			return new StreamConsumerHealth(State.STOPPED, this.stream, this.group, null);
		}
		String problem = (this.loopProblem != null) ? this.loopProblem : this.handlerProblem;
		return new StreamConsumerHealth((problem != null) ? State.DOWN : State.UP, this.stream, this.group, problem);
	}

	/**
	 * @param failure a failure
	 * @return the first {@link Error} in its cause chain, or {@code null}
	 */
	static Throwable errorIn(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 32; depth++) {
			if (cause instanceof Error) {
				return cause;
			}
			cause = cause.getCause();
		}
		return null;
	}

	static String describe(Throwable failure) {
		return failure.getClass().getSimpleName() + ": " + failure.getMessage();
	}

}
