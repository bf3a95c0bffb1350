package io.physforge.core.weak.internal;

/**
 * The piecewise polynomial bump of WSINDy (Messenger and Bortz, "Weak SINDy for partial
 * differential equations", J. Comput. Phys. 443, 110525, 2021):
 * {@code phi(s) = (1 - s^2)^p} on {@code |s| <= 1}, zero outside, with {@code s = j / m}
 * for grid offsets {@code j = -m..m}. Derivatives are exact (Leibniz rule on
 * {@code (1 - s)^p (1 + s)^p}, no cancellation), scaled to physical units by
 * {@code (m h)^-k} for grid spacing {@code h}.
 */
public final class Bump {

	private Bump() {
	}

	/**
	 * The {@code k}-th derivative of the bump at the {@code 2m + 1} grid offsets
	 * {@code -m..m}.
	 * @param m half-width in grid points (at least 2)
	 * @param p power (at least {@code k + 1}, so that the derivative vanishes at the
	 * support's ends)
	 * @param k derivative order (0 or more)
	 * @param h grid spacing
	 */
	public static double[] kernel(int m, int p, int k, double h) {
		if (m < 2 || p < 1 || k < 0 || k >= p) {
			throw new IllegalArgumentException(
					"bump needs half-width >= 2 and power > derivative order; got m=" + m + ", p=" + p + ", k=" + k);
		}
		double[] out = new double[2 * m + 1];
		double scale = Math.pow(m * h, -k);
		for (int j = -m; j <= m; j++) {
			double s = (double) j / m;
			double sum = 0;
			for (int i = 0; i <= k; i++) {
				// d^i (1 - s)^p * d^(k-i) (1 + s)^p
				int a = i;
				int b = k - i;
				if (a > p || b > p) {
					continue;
				}
				double da = falling(p, a) * ((a % 2 == 0) ? 1 : -1) * Math.pow(1 - s, p - a);
				double db = falling(p, b) * Math.pow(1 + s, p - b);
				sum += binomial(k, i) * da * db;
			}
			out[j + m] = sum * scale;
		}
		out[0] = 0;
		out[2 * m] = 0;
		return out;
	}

	/** {@code p (p - 1) ... (p - a + 1)}. */
	private static double falling(int p, int a) {
		double r = 1;
		for (int i = 0; i < a; i++) {
			r *= p - i;
		}
		return r;
	}

	private static double binomial(int n, int k) {
		double r = 1;
		for (int i = 1; i <= k; i++) {
			r = r * (n - k + i) / i;
		}
		return r;
	}

}
