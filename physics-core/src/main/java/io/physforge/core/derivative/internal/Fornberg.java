package io.physforge.core.derivative.internal;

/**
 * Finite-difference weights on arbitrary nodes by Fornberg's recursion (B. Fornberg,
 * "Generation of finite difference formulas on arbitrarily spaced grids", Math. Comp. 51
 * (1988) 699-706; the compact form of B. Fornberg, SIAM Review 40 (1998) 685-691).
 */
public final class Fornberg {

	private Fornberg() {
	}

	/**
	 * Weights {@code w} such that {@code sum_k w[k] f(x[from + k])} approximates the
	 * {@code order}-th derivative of {@code f} at {@code z}, using {@code count} nodes.
	 * With {@code count} nodes the formula is exact for polynomials of degree
	 * {@code count - 1}, so its truncation error is {@code O(h^(count - order))} (one
	 * order more for a symmetric stencil and even {@code count - order}). The nodes are
	 * shifted to {@code z} and scaled by their mean spacing before the recursion, which
	 * keeps the arithmetic well conditioned for any grid spacing.
	 * @param z evaluation point
	 * @param x node coordinates (distinct)
	 * @param from first node used
	 * @param count number of nodes used, at least {@code order + 1}
	 * @param order derivative order, at least 0
	 * @return a new array of {@code count} weights
	 */
	public static double[] weights(double z, double[] x, int from, int count, int order) {
		if (count < order + 1) {
			throw new IllegalArgumentException(
					"a derivative of order " + order + " needs at least " + (order + 1) + " nodes, got " + count);
		}
		double scale = count > 1 ? (x[from + count - 1] - x[from]) / (count - 1) : 1.0;
		double[] xs = new double[count];
		for (int k = 0; k < count; k++) {
			xs[k] = (x[from + k] - z) / scale;
		}
		double[] w = weightsAtZero(xs, order);
		double factor = Math.pow(scale, -order);
		for (int k = 0; k < count; k++) {
			w[k] *= factor;
		}
		return w;
	}

	/** Fornberg's recursion at evaluation point 0; returns weights of the given order. */
	static double[] weightsAtZero(double[] x, int m) {
		int n = x.length;
		// c[j][k]: weight of node j for derivative k, stored as c[j * (m + 1) + k]
		int w = m + 1;
		double[] c = new double[n * w];
		double c1 = 1.0;
		double c4 = x[0];
		c[0] = 1.0;
		for (int i = 1; i < n; i++) {
			int mn = Math.min(i, m);
			double c2 = 1.0;
			double c5 = c4;
			c4 = x[i];
			for (int j = 0; j < i; j++) {
				double c3 = x[i] - x[j];
				c2 *= c3;
				if (j == i - 1) {
					for (int k = mn; k >= 1; k--) {
						c[i * w + k] = c1 * (k * c[(i - 1) * w + k - 1] - c5 * c[(i - 1) * w + k]) / c2;
					}
					c[i * w] = -c1 * c5 * c[(i - 1) * w] / c2;
				}
				for (int k = mn; k >= 1; k--) {
					c[j * w + k] = (c4 * c[j * w + k] - k * c[j * w + k - 1]) / c3;
				}
				c[j * w] = c4 * c[j * w] / c3;
			}
			c1 = c2;
		}
		double[] out = new double[n];
		for (int j = 0; j < n; j++) {
			out[j] = c[j * w + m];
		}
		return out;
	}

}
