package io.physforge.pinn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of the loss curve, reported every {@link PinnSettings#progressEvery()} steps.
 *
 * @param step steps done so far (Adam steps, then L-BFGS iterations continuing the count)
 * @param totalSteps Adam steps plus the L-BFGS iteration budget
 * @param phase {@code adam} or {@code lbfgs}
 * @param losses {@code total}, {@code data}, {@code pde}, {@code boundary},
 * {@code initial}, {@code regularisation} (each weighted as in the total)
 * @param coefficients current values of the trained coefficients of the equation
 * @param elapsedMillis time since training began
 */
public record TrainingProgress(int step, int totalSteps, String phase, Map<String, Double> losses,
		Map<String, Double> coefficients, long elapsedMillis) {

	public TrainingProgress {
		losses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
		coefficients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coefficients));
	}

	/** Fraction done, 0 to 1. */
	public double fraction() {
		return (totalSteps == 0) ? 1 : Math.min(1, step / (double) totalSteps);
	}

	/** JSON-ready values. */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("step", step);
		m.put("totalSteps", totalSteps);
		m.put("phase", phase);
		m.put("losses", new LinkedHashMap<>(losses));
		m.put("coefficients", new LinkedHashMap<>(coefficients));
		m.put("elapsedMillis", elapsedMillis);
		return m;
	}

}
