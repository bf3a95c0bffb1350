package io.physforge.core.derivative.internal;

/**
 * Weights of a local least-squares polynomial derivative: the {@code order}-th derivative
 * at {@code z} of the degree-{@code degree} polynomial that fits the values at the window
 * nodes in the least-squares sense. The estimate is linear in the values, so it is a
 * stencil {@code w = A (A^T A)^-1 g}, where {@code A} is the design matrix of the basis
 * at the nodes and {@code g} the basis derivatives at {@code z}. Computed by a thin QR
 * (modified Gram-Schmidt, applied twice for orthogonality) of {@code A}: with
 * {@code A = QR}, {@code w = Q R^-T g}.
 *
 * <p>
 * The window is mapped affinely onto {@code [-1, 1]}, so both bases are well conditioned
 * for the degrees used in practice (up to about 10). Chebyshev and monomial bases span
 * the same space and give the same weights up to rounding.
 */
public final class LocalFit {

	private LocalFit() {
	}

	/**
	 * @param z evaluation point (normally a node of the window)
	 * @param x node coordinates
	 * @param from first node of the window
	 * @param count number of nodes, at least {@code degree + 1}
	 * @param degree polynomial degree, at least {@code order}
	 * @param order derivative order
	 * @param chebyshev whether to use the Chebyshev basis (else monomials)
	 * @return a new array of {@code count} weights
	 */
	public static double[] weights(double z, double[] x, int from, int count, int degree, int order,
			boolean chebyshev) {
		if (count < degree + 1) {
			throw new IllegalArgumentException(
					"a degree-" + degree + " fit needs at least " + (degree + 1) + " points, got " + count);
		}
		double centre = 0.5 * (x[from] + x[from + count - 1]);
		double half = 0.5 * (x[from + count - 1] - x[from]);
		int p = degree + 1;
		// design matrix, column-major: q[c * count + r]
		double[] q = new double[p * count];
		double[] basis = new double[p];
		for (int r = 0; r < count; r++) {
			basisDerivatives((x[from + r] - centre) / half, degree, 0, chebyshev, basis);
			for (int c = 0; c < p; c++) {
				q[c * count + r] = basis[c];
			}
		}
		double[] rr = new double[p * p];
		for (int c = 0; c < p; c++) {
			for (int pass = 0; pass < 2; pass++) {
				for (int prev = 0; prev < c; prev++) {
					double dot = 0;
					for (int r = 0; r < count; r++) {
						dot += q[prev * count + r] * q[c * count + r];
					}
					rr[prev * p + c] += dot;
					for (int r = 0; r < count; r++) {
						q[c * count + r] -= dot * q[prev * count + r];
					}
				}
			}
			double norm = 0;
			for (int r = 0; r < count; r++) {
				norm += q[c * count + r] * q[c * count + r];
			}
			norm = Math.sqrt(norm);
			if (!(norm > 1e-12)) {
				throw new IllegalArgumentException("the fit window is degenerate for degree " + degree);
			}
			rr[c * p + c] = norm;
			for (int r = 0; r < count; r++) {
				q[c * count + r] /= norm;
			}
		}
		double[] g = new double[p];
		basisDerivatives((z - centre) / half, degree, order, chebyshev, g);
		double scale = Math.pow(half, -order);
		// solve R^T y = g (forward substitution); R upper triangular, R[i][j] = rr[i*p+j]
		double[] y = new double[p];
		for (int i = 0; i < p; i++) {
			double s = g[i] * scale;
			for (int k = 0; k < i; k++) {
				s -= rr[k * p + i] * y[k];
			}
			y[i] = s / rr[i * p + i];
		}
		double[] w = new double[count];
		for (int c = 0; c < p; c++) {
			double yc = y[c];
			for (int r = 0; r < count; r++) {
				w[r] += q[c * count + r] * yc;
			}
		}
		return w;
	}

	/**
	 * The {@code order}-th derivatives of the basis functions {@code 0..degree} at
	 * {@code s}, written into {@code out}.
	 */
	static void basisDerivatives(double s, int degree, int order, boolean chebyshev, double[] out) {
		if (!chebyshev) {
			for (int k = 0; k <= degree; k++) {
				if (k < order) {
					out[k] = 0;
				}
				else {
					double f = 1;
					for (int i = 0; i < order; i++) {
						f *= k - i;
					}
					out[k] = f * Math.pow(s, k - order);
				}
			}
			return;
		}
		// T_{k+1}^(m) = 2 s T_k^(m) + 2 m T_k^(m-1) - T_{k-1}^(m), built up one order at
		// a time
		double[] lower = new double[degree + 1];
		double[] cur = new double[degree + 1];
		for (int m = 0; m <= order; m++) {
			cur[0] = (m == 0) ? 1 : 0;
			if (degree >= 1) {
				cur[1] = (m == 0) ? s : (m == 1 ? 1 : 0);
			}
			for (int k = 1; k < degree; k++) {
				cur[k + 1] = 2 * s * cur[k] + 2 * m * lower[k] - cur[k - 1];
			}
			double[] t = lower;
			lower = cur;
			cur = t;
		}
		System.arraycopy(lower, 0, out, 0, degree + 1);
	}

}
