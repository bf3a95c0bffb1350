package io.physforge.core.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.physforge.core.regression.internal.NormalSystem;
import io.physforge.core.regression.internal.Thresholding;

/**
 * Sequentially thresholded ridge regression (STRidge, Algorithm 1 of Rudy, Brunton,
 * Proctor and Kutz, "Data-driven discovery of partial differential equations", Sci. Adv.
 * 3, e1602614, 2017) at a fixed tolerance: ridge regression on unit-norm columns, drop
 * normalised coefficients below {@code tolerance}, repeat, refit the support by QR least
 * squares. {@link TrainStRidge} chooses the tolerance.
 *
 * @param lambda the dimensionless ridge parameter on unit-norm columns (PDE-FIND uses
 * 1e-5)
 * @param tolerance the threshold on normalised coefficients
 * @param maxIterations the maximum number of thresholding passes
 */
public record StRidge(double lambda, double tolerance, int maxIterations) implements SparseRegressor {

	public StRidge {
		if (!(lambda >= 0) || !(tolerance >= 0) || maxIterations < 1) {
			throw new IllegalArgumentException("STRidge needs lambda >= 0, tolerance >= 0 and maxIterations >= 1, got "
					+ lambda + ", " + tolerance + ", " + maxIterations);
		}
	}

	@Override
	public List<SparseFit> fit(double[][] columns, List<double[]> targets) {
		NormalSystem system = NormalSystem.build(columns, targets, 0.0, 0L);
		List<SparseFit> fits = new ArrayList<>();
		for (int m = 0; m < targets.size(); m++) {
			double[] w = Thresholding.stridge(system, m, this.lambda, this.tolerance, this.maxIterations);
			double[] coef = LeastSquares.solve(columns, Thresholding.support(w), targets.get(m));
			fits.add(new SparseFit(coef, Map.of("method", name(), "tolerance", this.tolerance, "residual",
					LeastSquares.relativeResidual(columns, coef, targets.get(m)))));
		}
		return fits;
	}

	@Override
	public String name() {
		return "stridge";
	}

	@Override
	public Map<String, Object> settings() {
		return Map.of("method", name(), "lambda", this.lambda, "tolerance", this.tolerance, "maxIterations",
				this.maxIterations);
	}

}
