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

	/**
	 * One line for progress displays and job events:
	 * {@code adam 120/250: loss 1.23e-02 (data 1.10e-02, pde 1.30e-03); c1=-0.9242, c2=0.0798}
	 * (zero loss parts left out, coefficients by name).
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		text.append(this.phase).append(' ').append(this.step).append('/').append(this.totalSteps);
		text.append(": loss ").append(format(this.losses.get("total")));
		StringBuilder parts = new StringBuilder();
		for (String name : new String[] { "data", "pde", "boundary", "initial", "regularisation" }) {
			Double value = this.losses.get(name);
			if (value != null && value != 0) {
				parts.append((parts.length() > 0) ? ", " : "").append(name).append(' ').append(format(value));
			}
		}
		if (parts.length() > 0) {
			text.append(" (").append(parts).append(')');
		}
		if (!this.coefficients.isEmpty()) {
			StringBuilder coefficients = new StringBuilder();
			new java.util.TreeMap<>(this.coefficients)
				.forEach((name, value) -> coefficients.append((coefficients.length() > 0) ? ", " : "")
					.append(name)
					.append('=')
					.append(String.format(java.util.Locale.ROOT, "%.4f", value)));
			text.append("; ").append(coefficients);
		}
		return text.toString();
	}

	private static String format(Double value) {
		return (value == null) ? "?" : String.format(java.util.Locale.ROOT, "%.3e", value);
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
