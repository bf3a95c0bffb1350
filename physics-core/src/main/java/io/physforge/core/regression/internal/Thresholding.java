package io.physforge.core.regression.internal;

import java.util.Arrays;

/**
 * Sequential thresholding on a {@link NormalSystem}, in normalised coefficients.
 */
public final class Thresholding {

	private Thresholding() {
	}

	/**
	 * STRidge (Rudy et al. 2017, Algorithm 1): ridge estimate, drop coefficients below
	 * {@code tolerance}, re-estimate on the rest until the support is stable, then a
	 * least-squares refit of the support ({@code lambda = 0} gives STLSQ, Brunton et al.
	 * 2016).
	 * @return normalised coefficients, zero off the support
	 */
	public static double[] stridge(NormalSystem system, int target, double lambda, double tolerance,
			int maxIterations) {
		boolean[] active = system.allUsable();
		double[] w = system.solve(target, active, lambda);
		int relevant = count(active);
		for (int it = 0; it < maxIterations; it++) {
			boolean[] next = new boolean[active.length];
			for (int j = 0; j < active.length; j++) {
				next[j] = active[j] && Math.abs(w[j]) >= tolerance;
			}
			int n = count(next);
			if (n == relevant) {
				break;
			}
			relevant = n;
			active = next;
			if (n == 0) {
				return new double[w.length];
			}
			w = system.solve(target, active, lambda);
		}
		// zero what the last estimate put below the tolerance, then refit by least
		// squares
		for (int j = 0; j < active.length; j++) {
			active[j] = active[j] && Math.abs(w[j]) >= tolerance;
		}
		if (count(active) == 0) {
			return new double[w.length];
		}
		return system.solve(target, active, 0.0);
	}

	/**
	 * Greedy backward elimination: from all usable columns, repeatedly drop the column
	 * whose removal increases the training residual least ({@code w_j^2 / (G^-1)_jj} for
	 * the ridge system), down to one column. Returns the least-squares coefficients of
	 * every support on the way, largest first.
	 */
	public static java.util.List<double[]> backwardElimination(NormalSystem system, int target, double lambda) {
		java.util.List<double[]> path = new java.util.ArrayList<>();
		boolean[] active = system.allUsable();
		while (count(active) > 0) {
			path.add(system.solve(target, active, 0.0));
			if (count(active) == 1) {
				break;
			}
			int[] idx = NormalSystem.indices(active);
			double[] w = system.solve(target, active, lambda);
			double[] diag = system.inverseDiagonal(active, lambda);
			int drop = -1;
			double least = Double.POSITIVE_INFINITY;
			for (int i = 0; i < idx.length; i++) {
				double cost = w[idx[i]] * w[idx[i]] / diag[i];
				if (cost < least) {
					least = cost;
					drop = idx[i];
				}
			}
			active[drop] = false;
		}
		return path;
	}

	public static boolean[] support(double[] w) {
		boolean[] s = new boolean[w.length];
		for (int j = 0; j < w.length; j++) {
			s[j] = w[j] != 0;
		}
		return s;
	}

	public static int count(boolean[] a) {
		int n = 0;
		for (boolean b : a) {
			if (b) {
				n++;
			}
		}
		return n;
	}

	public static int nonZeros(double[] w) {
		return (int) Arrays.stream(w).filter((x) -> x != 0).count();
	}

}
