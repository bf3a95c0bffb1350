package io.physforge.core.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.physforge.core.regression.internal.NormalSystem;
import io.physforge.core.regression.internal.Thresholding;

/**
 * Sequentially thresholded least squares (STLSQ) of SINDy: Brunton, Proctor and Kutz,
 * "Discovering governing equations from data by sparse identification of nonlinear
 * dynamical systems", PNAS 113, 3932 (2016). Least squares, zero every coefficient whose
 * normalised magnitude {@code |w_j| ||X_j|| / ||y||} is below {@code threshold}, repeat
 * on the remaining columns until the support is stable, refit by QR.
 *
 * <p>
 * On exact synthetic data ({@code y = X w} with three of twenty terms) it recovers the
 * support and the coefficients to 1e-9 relative (SparseRegressionTest).
 *
 * @param threshold the dimensionless threshold on normalised coefficients (e.g. 0.01)
 * @param maxIterations the maximum number of thresholding passes (e.g. 10)
 */
public record Stlsq(double threshold, int maxIterations) implements SparseRegressor {

	public Stlsq {
		if (!(threshold >= 0) || maxIterations < 1) {
			throw new IllegalArgumentException(
					"STLSQ needs threshold >= 0 and maxIterations >= 1, got " + threshold + ", " + maxIterations);
		}
	}

	@Override
	public List<SparseFit> fit(double[][] columns, List<double[]> targets) {
		NormalSystem system = NormalSystem.build(columns, targets, 0.0, 0L);
		List<SparseFit> fits = new ArrayList<>();
		for (int m = 0; m < targets.size(); m++) {
			double[] w = Thresholding.stridge(system, m, 0.0, this.threshold, this.maxIterations);
			double[] coef = LeastSquares.solve(columns, Thresholding.support(w), targets.get(m));
			fits.add(new SparseFit(coef, Map.of("method", name(), "threshold", this.threshold, "residual",
					LeastSquares.relativeResidual(columns, coef, targets.get(m)))));
		}
		return fits;
	}

	@Override
	public String name() {
		return "stlsq";
	}

	@Override
	public Map<String, Object> settings() {
		return Map.of("method", name(), "threshold", this.threshold, "maxIterations", this.maxIterations);
	}

}
