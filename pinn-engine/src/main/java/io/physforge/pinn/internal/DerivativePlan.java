package io.physforge.pinn.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.library.Factor;

/**
 * How to get each requested partial derivative from directional (Taylor-mode) jets.
 *
 * <p>
 * A pure derivative {@code d^k u / dx_i^k} is the k-th jet along the unit vector
 * {@code e_i}. A mixed one in two inputs, {@code d^k u / dx_i^a dx_j^b} with
 * {@code a + b = k}, comes from the k-th jets along {@code k + 1} directions
 * {@code alpha e_i + beta e_j}: each is {@code sum_m C(k,m) alpha^m beta^(k-m)} times the
 * mixed partials, a small linear system solved once here (polarisation; Griewank and
 * Walther, "Evaluating Derivatives", 2nd ed., SIAM 2008, section 13.3). Derivatives mixed
 * in three inputs are not offered.
 */
final class DerivativePlan {

	/** One requested derivative: output column, multi-index and recipe over the jets. */
	record Recipe(String name, int output, int[] orders, int[] directions, double[] weights, int order) {
	}

	private static final double[][] MIXING = { { 1, 1 }, { 1, -1 }, { 1, 2 } };

	private final List<Direction> directions = new ArrayList<>();

	private final Map<String, Integer> directionIndex = new LinkedHashMap<>();

	private final Map<String, Recipe> recipes = new LinkedHashMap<>();

	DerivativePlan(List<String> names, List<String> inputs, List<String> outputs) {
		for (String name : names) {
			Factor f = Factor.parse(name);
			int output = outputs.indexOf(f.field());
			if (output < 0 || f.power() != 1) {
				throw new IllegalArgumentException(
						"cannot evaluate '" + name + "': the network's outputs are " + outputs + " (no powers)");
			}
			int[] orders = new int[inputs.size()];
			for (char c : f.axes().toCharArray()) {
				int k = inputs.indexOf(String.valueOf(c));
				if (k < 0) {
					throw new IllegalArgumentException(
							"cannot evaluate '" + name + "': '" + c + "' is not an input of the network " + inputs);
				}
				orders[k]++;
			}
			this.recipes.put(name, recipe(name, output, orders));
		}
	}

	private Recipe recipe(String name, int output, int[] orders) {
		int k = 0;
		List<Integer> axes = new ArrayList<>();
		for (int i = 0; i < orders.length; i++) {
			k += orders[i];
			if (orders[i] > 0) {
				axes.add(i);
			}
		}
		if (k > 4) {
			throw new IllegalArgumentException("cannot evaluate '" + name + "': derivatives go up to order 4");
		}
		if (k == 0) {
			return new Recipe(name, output, orders, new int[0], new double[0], 0);
		}
		int n = orders.length;
		if (axes.size() == 1) {
			double[] e = new double[n];
			e[axes.get(0)] = 1;
			return new Recipe(name, output, orders, new int[] { direction(e, k) }, new double[] { 1 }, k);
		}
		if (axes.size() > 2) {
			throw new IllegalArgumentException(
					"cannot evaluate '" + name + "': derivatives mixed in more than two inputs are not offered");
		}
		int i = axes.get(0);
		int j = axes.get(1);
		double[][] dirs = new double[k + 1][];
		dirs[0] = new double[] { 1, 0 };
		dirs[1] = new double[] { 0, 1 };
		for (int r = 2; r <= k; r++) {
			dirs[r] = MIXING[r - 2];
		}
		double[][] a = new double[k + 1][k + 1];
		for (int r = 0; r <= k; r++) {
			for (int m = 0; m <= k; m++) {
				a[r][m] = binomial(k, m) * Math.pow(dirs[r][0], m) * Math.pow(dirs[r][1], k - m);
			}
		}
		double[][] inv = invert(a);
		int m = orders[i];
		int[] idx = new int[k + 1];
		double[] w = new double[k + 1];
		for (int r = 0; r <= k; r++) {
			double[] v = new double[n];
			v[i] = dirs[r][0];
			v[j] = dirs[r][1];
			idx[r] = direction(v, k);
			w[r] = inv[m][r];
		}
		return new Recipe(name, output, orders, idx, w, k);
	}

	private int direction(double[] v, int order) {
		String key = java.util.Arrays.toString(v);
		Integer at = this.directionIndex.get(key);
		if (at == null) {
			this.directions.add(new Direction(v, order));
			this.directionIndex.put(key, this.directions.size() - 1);
			return this.directions.size() - 1;
		}
		Direction d = this.directions.get(at);
		if (d.maxOrder() < order) {
			this.directions.set(at, new Direction(v, order));
		}
		return at;
	}

	List<Direction> directions() {
		return this.directions;
	}

	Map<String, Recipe> recipes() {
		return this.recipes;
	}

	private static double binomial(int n, int k) {
		double r = 1;
		for (int i = 1; i <= k; i++) {
			r = r * (n - k + i) / i;
		}
		return r;
	}

	/** Gauss-Jordan inverse with partial pivoting of a small well-conditioned matrix. */
	static double[][] invert(double[][] a) {
		int n = a.length;
		double[][] m = new double[n][2 * n];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n + i] = 1;
		}
		for (int c = 0; c < n; c++) {
			int p = c;
			for (int r = c + 1; r < n; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
					p = r;
				}
			}
			double[] tmp = m[c];
			m[c] = m[p];
			m[p] = tmp;
			double d = m[c][c];
			for (int k = 0; k < 2 * n; k++) {
				m[c][k] /= d;
			}
			for (int r = 0; r < n; r++) {
				if (r != c && m[r][c] != 0) {
					double f = m[r][c];
					for (int k = 0; k < 2 * n; k++) {
						m[r][k] -= f * m[c][k];
					}
				}
			}
		}
		double[][] inv = new double[n][n];
		for (int i = 0; i < n; i++) {
			System.arraycopy(m[i], n, inv[i], 0, n);
		}
		return inv;
	}

}
