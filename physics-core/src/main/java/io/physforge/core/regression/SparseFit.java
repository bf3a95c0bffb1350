package io.physforge.core.regression;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one sparse regression for one target.
 *
 * @param coefficients one coefficient per library column in original units (zero where
 * the term was dropped)
 * @param details method-specific numbers (chosen tolerance, test residual, rows, ...),
 * serialisable as JSON
 */
public record SparseFit(double[] coefficients, Map<String, Object> details) {

	public SparseFit {
		Objects.requireNonNull(coefficients, "coefficients");
		coefficients = coefficients.clone();
		details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
	}

	@Override
	public double[] coefficients() {
		return this.coefficients.clone();
	}

	/** Number of non-zero coefficients. */
	public int nonZeros() {
		int n = 0;
		for (double c : this.coefficients) {
			if (c != 0.0) {
				n++;
			}
		}
		return n;
	}

}
