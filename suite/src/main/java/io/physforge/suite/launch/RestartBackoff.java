package io.physforge.suite.launch;

import java.time.Duration;
import java.util.Objects;

/**
 * When a crashed service is started again: after {@code first}, then twice as long after
 * each crash in a row, at most {@code max}; a run longer than {@code stable} ends the
 * row.
 *
 * @param first the delay after a first crash
 * @param max the longest delay
 * @param stable how long a service must have run for its next crash to count as a first
 */
public record RestartBackoff(Duration first, Duration max, Duration stable) {

	/** 1 s, 2 s, 4 s ... at most 60 s; a service up for 2 minutes starts afresh. */
	public static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60),
			Duration.ofMinutes(2));

	public RestartBackoff {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(max, "max");
		Objects.requireNonNull(stable, "stable");
		if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("Need 0 < first <= max, got " + first + " and " + max);
		}
	}

	/**
	 * @param crashesInARow the crashes in a row, counting this one (1 or more)
	 * @return how long to wait before the next start
	 */
	public Duration delay(int crashesInARow) {
		int doublings = Math.min(Math.max(crashesInARow - 1, 0), 30);
		Duration delay = this.first.multipliedBy(1L << doublings);
		return (delay.compareTo(this.max) > 0) ? this.max : delay;
	}

}
