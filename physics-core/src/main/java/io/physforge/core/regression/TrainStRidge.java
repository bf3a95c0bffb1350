package io.physforge.core.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.regression.internal.NormalSystem;
import io.physforge.core.regression.internal.Thresholding;

/**
 * STRidge with automatic tolerance selection (TrainSTRidge, Algorithm 2 of Rudy, Brunton,
 * Proctor and Kutz, "Data-driven discovery of partial differential equations", Sci. Adv.
 * 3, e1602614, 2017).
 *
 * <p>
 * The rows are split at random (seeded) into training and test rows. For each candidate
 * tolerance, {@link StRidge} is fitted on the training rows and scored on the test rows
 * by {@code err = ||y - X w|| / ||y|| + l0Penalty * nnz(w)}; the least error wins (ties
 * to the sparser model) and its support is refitted by QR least squares on all rows. The
 * candidates are PDE-FIND's adaptive search (start at {@code initialTolerance}, step up
 * while the error does not grow, else step back and refine) plus a geometric sweep of
 * {@code sweepPoints} tolerances from the largest normalised ridge coefficient down six
 * decades, so that no scale-dependent starting tolerance has to be tuned, plus (when
 * {@code backwardElimination}) every support of a greedy backward elimination from the
 * full library, which reaches sparse supports that thresholding of correlated columns
 * skips.
 *
 * <p>
 * Differences from PDE-FIND, both to make the settings dimensionless: the target is
 * normalised with the columns (tolerances are fractions of the target's norm), and the
 * test error is relative, so {@code l0Penalty} is the least fraction of the target's norm
 * a term must explain to be kept (PDE-FIND uses {@code 0.001 cond(X)} on unscaled data).
 * With {@code l0Penalty = 0.01} the default discovery recovers all PDE-FIND reference
 * equations with exact structure (measured numbers in the discovery package's tests).
 *
 * @param lambda ridge parameter on unit-norm columns (1e-5 as in PDE-FIND)
 * @param initialTolerance first tolerance and step of the adaptive search
 * @param maxIterations iterations of the adaptive search (25 in PDE-FIND)
 * @param stridgeIterations thresholding passes per STRidge fit (10 in PDE-FIND)
 * @param l0Penalty penalty per non-zero term, in units of relative test residual
 * @param relativeL0Penalty penalty per term as a fraction of the test residual itself
 * (matters on noisy data, where residuals are large)
 * @param testFraction fraction of rows held out for scoring (0.2 in PDE-FIND)
 * @param sweepPoints number of tolerances in the geometric sweep (0 for PDE-FIND's search
 * only)
 * @param backwardElimination whether to add the backward-elimination supports to the
 * candidates
 * @param seed seed of the train/test split
 */
public record TrainStRidge(double lambda, double initialTolerance, int maxIterations, int stridgeIterations,
		double l0Penalty, double relativeL0Penalty, double testFraction, int sweepPoints, boolean backwardElimination,
		long seed) implements SparseRegressor {

	/** Default ridge parameter. */
	public static final double DEFAULT_LAMBDA = 1e-5;

	/**
	 * Default relative L0 penalty: on noisy data a term must also lower the test residual
	 * by 5% of itself.
	 */
	public static final double DEFAULT_RELATIVE_L0_PENALTY = 0.05;

	/** Default L0 penalty (fraction of the target norm per term). */
	public static final double DEFAULT_L0_PENALTY = 0.01;

	public TrainStRidge {
		if (!(lambda >= 0) || !(initialTolerance > 0) || maxIterations < 0 || stridgeIterations < 1 || !(l0Penalty >= 0)
				|| !(testFraction > 0 && testFraction < 1) || sweepPoints < 0) {
			throw new IllegalArgumentException("invalid TrainSTRidge settings: lambda=" + lambda + " initialTolerance="
					+ initialTolerance + " maxIterations=" + maxIterations + " stridgeIterations=" + stridgeIterations
					+ " l0Penalty=" + l0Penalty + " testFraction=" + testFraction + " sweepPoints=" + sweepPoints
					+ " (need lambda >= 0, tolerance > 0, l0Penalty >= 0, 0 < testFraction < 1)");
		}
	}

	/**
	 * Defaults: lambda 1e-5, tolerance 0.01, 25 iterations, 10 passes, l0 0.01, 20% test.
	 */
	public static TrainStRidge withSeed(long seed) {
		return new TrainStRidge(DEFAULT_LAMBDA, 0.01, 25, 10, DEFAULT_L0_PENALTY, DEFAULT_RELATIVE_L0_PENALTY, 0.2, 60,
				true, seed);
	}

	/** The same settings with another L0 penalty. */
	public TrainStRidge withL0Penalty(double penalty) {
		return new TrainStRidge(this.lambda, this.initialTolerance, this.maxIterations, this.stridgeIterations, penalty,
				this.relativeL0Penalty, this.testFraction, this.sweepPoints, this.backwardElimination, this.seed);
	}

	@Override
	public List<SparseFit> fit(double[][] columns, List<double[]> targets) {
		NormalSystem system = NormalSystem.build(columns, targets, this.testFraction, this.seed);
		List<SparseFit> fits = new ArrayList<>();
		for (int m = 0; m < targets.size(); m++) {
			Search search = new Search(system, m);
			double[] full = system.solve(m, system.allUsable(), 0.0);
			search.consider(full, 0.0, "least squares");
			adaptive(search);
			sweep(search, system, m);
			if (this.backwardElimination) {
				for (double[] w : Thresholding.backwardElimination(system, m, Math.max(this.lambda, 1e-12))) {
					search.consider(w, Double.NaN, "backward elimination");
				}
			}
			double[] coef = LeastSquares.solve(columns, Thresholding.support(search.bestW), targets.get(m));
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("method", name());
			details.put("candidate", search.bestSource);
			if (Double.isFinite(search.bestTol)) {
				details.put("tolerance", search.bestTol);
			}
			details.put("l0Penalty", this.l0Penalty);
			details.put("testResidual", search.bestResidual);
			details.put("trainRows", system.trainRows());
			details.put("testRows", system.testRows());
			details.put("residual", LeastSquares.relativeResidual(columns, coef, targets.get(m)));
			fits.add(new SparseFit(coef, details));
		}
		return fits;
	}

	private void adaptive(Search search) {
		double dTol = this.initialTolerance;
		double tol = dTol;
		for (int it = 0; it < this.maxIterations; it++) {
			if (search.consider(fitAt(search, tol), tol, "adaptive search")) {
				tol += dTol;
			}
			else {
				tol = Math.max(0, tol - 2 * dTol);
				dTol = 2 * dTol / (this.maxIterations - it);
				tol += dTol;
			}
		}
	}

	private void sweep(Search search, NormalSystem system, int target) {
		if (this.sweepPoints == 0) {
			return;
		}
		double[] ridge = system.solve(target, system.allUsable(), Math.max(this.lambda, 1e-12));
		double max = 0;
		for (double v : ridge) {
			max = Math.max(max, Math.abs(v));
		}
		if (max == 0) {
			return;
		}
		for (int i = 0; i < this.sweepPoints; i++) {
			double tol = max * Math.pow(10, -6.0 * i / Math.max(1, this.sweepPoints - 1));
			search.consider(fitAt(search, tol), tol, "tolerance sweep");
		}
	}

	private double[] fitAt(Search search, double tol) {
		return Thresholding.stridge(search.system, search.target, this.lambda, tol, this.stridgeIterations);
	}

	@Override
	public String name() {
		return "trainstridge";
	}

	@Override
	public Map<String, Object> settings() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("method", name());
		s.put("lambda", this.lambda);
		s.put("initialTolerance", this.initialTolerance);
		s.put("maxIterations", this.maxIterations);
		s.put("stridgeIterations", this.stridgeIterations);
		s.put("l0Penalty", this.l0Penalty);
		s.put("relativeL0Penalty", this.relativeL0Penalty);
		s.put("testFraction", this.testFraction);
		s.put("sweepPoints", this.sweepPoints);
		s.put("backwardElimination", this.backwardElimination);
		s.put("seed", this.seed);
		return s;
	}

	/** The best candidate so far. */
	private final class Search {

		final NormalSystem system;

		final int target;

		double[] bestW;

		double bestErr = Double.POSITIVE_INFINITY;

		double bestTol;

		double bestResidual;

		String bestSource;

		Search(NormalSystem system, int target) {
			this.system = system;
			this.target = target;
		}

		/** Scores {@code w}; true if it is at least as good as the best so far. */
		boolean consider(double[] w, double tol, String source) {
			double residual = this.system.testResidual(this.target, w);
			int nnz = Thresholding.nonZeros(w);
			double err = residual
					+ nnz * Math.max(TrainStRidge.this.l0Penalty, TrainStRidge.this.relativeL0Penalty * residual);
			boolean better = err < this.bestErr || (err == this.bestErr && nnz <= Thresholding.nonZeros(this.bestW));
			if (better) {
				this.bestErr = err;
				this.bestW = w;
				this.bestTol = tol;
				this.bestResidual = residual;
				this.bestSource = source;
			}
			return better;
		}

	}

}
