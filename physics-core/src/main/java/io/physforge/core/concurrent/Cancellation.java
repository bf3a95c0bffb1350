package io.physforge.core.concurrent;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation by interruption: a computation captures its owner thread (the
 * caller's, before it fans out to a parallel stream) and its loops call
 * {@link #check(Thread, String)}; when the owner was interrupted the computation ends
 * with a {@link CancellationException} naming where it stopped. The interrupt flag is
 * left set, so the caller sees it too.
 */
public final class Cancellation {

	private Cancellation() {
	}

	/**
	 * Stops the computation when the current thread was interrupted.
	 * @param where what was running, for the message
	 * @throws CancellationException when interrupted
	 */
	public static void check(String where) {
		check(Thread.currentThread(), where);
	}

	/**
	 * Stops the computation when its owner thread was interrupted; callable from any
	 * thread the computation runs on (a parallel stream's workers).
	 * @param owner the thread that started the computation
	 * @param where what was running, for the message
	 * @throws CancellationException when interrupted
	 */
	public static void check(Thread owner, String where) {
		if (owner.isInterrupted()) {
			throw new CancellationException("cancelled during " + where);
		}
	}

}
