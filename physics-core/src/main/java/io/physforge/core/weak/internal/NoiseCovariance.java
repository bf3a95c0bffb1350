package io.physforge.core.weak.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The covariance, row by row, that additive white Gaussian noise puts into a weak system
 * {@code b = G w} built from noise-unbiased (scaled Hermite) monomials: the noise of
 * column {@code j} at query point {@code r} is
 * {@code sg_j sum_x (D^a_j psi_r)(x) (M_j(u + e) - M_j(u))(x)} and the noise of {@code b}
 * is {@code -sum_x (d_t psi_r)(x) e_target(x)}; noise independent between grid points and
 * fields gives per row
 * {@code S_GG[j][k](r) = sg_j sg_k sum_x D^a_j psi_r D^a_k psi_r Cov(M_j, M_k)(x)},
 * {@code S_Gb[j](r) = -sg_j sum_x D^a_j psi_r d_t psi_r Cov(M_j, u_target)(x)} and
 * {@code S_bb(r) = s^2 sum_x (d_t psi_r)^2}; {@code S_Gb} vanishes for the separable
 * symmetric bumps used here (the columns carry {@code phi(t)}, {@code b} carries
 * {@code phi'(t)}, and {@code sum_t phi phi' = 0}). The point covariances are exact for
 * Gaussian noise:
 * {@code Cov(He_a(u+e), He_b(u+e)) = sum_(m>=1) m! C(a,m) C(b,m) s^(2m) u^(a+b-2m)} and
 * {@code Cov(He_a(u+e), e) = a s^2 u^(a-1)} (Stein's lemma), products over independent
 * fields, each power {@code u^n} replaced by its unbiased estimate {@code He_n(u+e)}, so
 * the corrections are themselves unbiased.
 *
 * <p>
 * Subtracting these from the normal equations ({@code G'G - S_GG}, {@code G'b - S_Gb}) is
 * the corrected least squares of errors-in-variables regression (Fuller, "Measurement
 * Error Models", Wiley 1987, Sec. 2.2), here with the covariance of the weak-form
 * residual derived as in WENDy (Bortz, Messenger and Dukic, "Direct estimation of
 * parameters in ODE models using WENDy", Bull. Math. Biol. 85, 110, 2023) but exactly
 * rather than linearised. Without it, at 50% noise on KdV the noise shared by the
 * {@code u^k*u_x} columns and {@code b} made {@code u_x + u^2*u_x + u^3*u_x} fit better
 * than the true {@code u*u_x} (measured: relative residual 7.2e-4 against 8.0e-4; with
 * noise-free columns the true model wins).
 */
public final class NoiseCovariance {

	private final int k;

	private final double[][][] gg;

	private final Map<String, double[][]> gb;

	private final Map<String, double[]> bb;

	private NoiseCovariance(int k, double[][][] gg, Map<String, double[][]> gb, Map<String, double[]> bb) {
		this.k = k;
		this.gg = gg;
		this.gb = gb;
		this.bb = bb;
	}

	/** Row-wise {@code S_GG[j][k]} ({@code j <= k}; the other half is the same array). */
	public double[] gg(int j, int l) {
		return (j <= l) ? this.gg[j][l] : this.gg[l][j];
	}

	/** Row-wise {@code S_Gb[j]} for the target {@code lhs}. */
	public double[] gb(String lhs, int j) {
		return this.gb.get(lhs)[j];
	}

	/** Row-wise {@code S_bb} for the target {@code lhs}. */
	public double[] bb(String lhs) {
		return this.bb.get(lhs);
	}

	/** Number of columns. */
	public int columns() {
		return this.k;
	}

	/**
	 * Computes the covariances.
	 * @param fields the field values, in field order
	 * @param variances noise variance per field (0: no noise)
	 * @param shape the grid shape
	 * @param tAxis the index of the time axis
	 * @param powers per column, the power of each field in its monomial
	 * @param derivatives per column, the derivative order per axis (0 on time)
	 * @param signs per column, {@code (-1)^|a| factor}
	 * @param kernels {@code kernels[d][q]}: the {@code q}-th derivative of the bump on
	 * axis {@code d}
	 * @param centres the query-point indices per axis
	 * @param targets target name to field index
	 */
	public static NoiseCovariance of(List<double[]> fields, double[] variances, int[] shape, int tAxis, int[][] powers,
			int[][] derivatives, double[] signs, double[][][] kernels, int[][] centres, Map<String, Integer> targets) {
		int k = powers.length;
		int rank = shape.length;
		Map<String, double[]> hermite = new HashMap<>();
		double[][][] gg = new double[k][k][];
		// the time kernel (bump squared) is the same for every pair: the time-reduced
		// point covariance is shared by all pairs with the same monomials
		double[] timeKernel = product(kernels[tAxis][0], kernels[tAxis][0]);
		Map<String, double[]> timeReduced = new HashMap<>();
		Map<String, double[]> reduced = new HashMap<>();
		for (int j = 0; j < k; j++) {
			for (int l = j; l < k; l++) {
				String monomials = covKey(powers[j], powers[l]);
				int[] pj = powers[j];
				int[] pl = powers[l];
				double[] rt = timeReduced.computeIfAbsent(monomials, (key) -> {
					double[] cov = pairCovariance(fields, variances, pj, pl, hermite);
					if (cov == null) {
						return null;
					}
					int[] sh = shape.clone();
					return Integrals.reduce(cov, sh, tAxis, timeKernel, centres[tAxis]);
				});
				if (rt == null) {
					gg[j][l] = new double[rows(centres)];
					continue;
				}
				double[][] kk = new double[rank][];
				StringBuilder key = new StringBuilder(monomials);
				for (int d = 0; d < rank; d++) {
					kk[d] = product(kernels[d][derivatives[j][d]], kernels[d][derivatives[l][d]]);
					key.append('/')
						.append(Math.min(derivatives[j][d], derivatives[l][d]))
						.append(',')
						.append(Math.max(derivatives[j][d], derivatives[l][d]));
				}
				int[] sh = shape.clone();
				sh[tAxis] = centres[tAxis].length;
				double[] r = reduced.computeIfAbsent(key.toString(),
						(kkey) -> spatialReduce(rt, sh, tAxis, kk, centres));
				gg[j][l] = scaled(r, signs[j] * signs[l], rows(centres));
			}
		}
		Map<String, double[][]> gb = new HashMap<>();
		Map<String, double[]> bb = new HashMap<>();
		for (Map.Entry<String, Integer> t : targets.entrySet()) {
			int f = t.getValue();
			double s2 = variances[f];
			// S_Gb is zero: every column's time kernel is the bump itself (no time
			// derivative), b's is its derivative, and sum_t phi(t) phi'(t) = 0 for the
			// symmetric bump
			double[][] per = new double[k][rows(centres)];
			gb.put(t.getKey(), per);
			double[][] kk = new double[rank][];
			for (int d = 0; d < rank; d++) {
				kk[d] = (d == tAxis) ? product(kernels[d][1], kernels[d][1]) : product(kernels[d][0], kernels[d][0]);
			}
			double[] ones = new double[fields.get(f).length];
			java.util.Arrays.fill(ones, s2);
			bb.put(t.getKey(), reduce(ones, shape, kk, centres));
		}
		return new NoiseCovariance(k, gg, gb, bb);
	}

	private static int rows(int[][] centres) {
		int n = 1;
		for (int[] c : centres) {
			n *= c.length;
		}
		return n;
	}

	private static double[] scaled(double[] r, double s, int rows) {
		if (r == null) {
			return new double[rows];
		}
		double[] out = new double[r.length];
		for (int i = 0; i < r.length; i++) {
			out[i] = s * r[i];
		}
		return out;
	}

	private static String covKey(int[] a, int[] b) {
		String x = java.util.Arrays.toString(a);
		String y = java.util.Arrays.toString(b);
		return (x.compareTo(y) <= 0) ? x + y : y + x;
	}

	private static double[] reduce(double[] values, int[] shape, double[][] kernels, int[][] centres) {
		double[] cur = values;
		int[] sh = shape.clone();
		for (int d = 0; d < shape.length; d++) {
			cur = Integrals.reduce(cur, sh, d, kernels[d], centres[d]);
		}
		return cur;
	}

	private static double[] spatialReduce(double[] values, int[] shape, int tAxis, double[][] kernels,
			int[][] centres) {
		double[] cur = values;
		int[] sh = shape.clone();
		for (int d = 0; d < shape.length; d++) {
			if (d != tAxis) {
				cur = Integrals.reduce(cur, sh, d, kernels[d], centres[d]);
			}
		}
		return cur;
	}

	private static double[] product(double[] a, double[] b) {
		double[] out = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			out[i] = a[i] * b[i];
		}
		return out;
	}

	/**
	 * Unbiased estimate of {@code Cov(prod_f He_a_f, prod_f He_b_f)} at each point, or
	 * null when it is zero.
	 */
	private static double[] pairCovariance(List<double[]> fields, double[] variances, int[] a, int[] b,
			Map<String, double[]> hermite) {
		int n = fields.get(0).length;
		double[] e = new double[n];
		java.util.Arrays.fill(e, 1.0);
		double[] m = new double[n];
		java.util.Arrays.fill(m, 1.0);
		boolean any = false;
		for (int f = 0; f < a.length; f++) {
			int p = a[f];
			int q = b[f];
			if (p + q == 0) {
				continue;
			}
			double s2 = variances[f];
			double[] sum = new double[n];
			double c = 1;
			for (int mm = 0; mm <= Math.min(p, q); mm++) {
				if (mm > 0) {
					// m! C(p,m) C(q,m) = prev * (p - m + 1)(q - m + 1) / m
					c = c * (p - mm + 1) * (q - mm + 1) / mm * s2;
					any |= s2 > 0;
				}
				if (c == 0) {
					break;
				}
				double[] h = hermite(fields, f, p + q - 2 * mm, s2, hermite);
				for (int i = 0; i < n; i++) {
					sum[i] += c * h[i];
				}
			}
			double[] h0 = hermite(fields, f, p + q, s2, hermite);
			for (int i = 0; i < n; i++) {
				e[i] *= sum[i];
				m[i] *= h0[i];
			}
		}
		if (!any) {
			return null;
		}
		for (int i = 0; i < n; i++) {
			e[i] -= m[i];
		}
		return e;
	}

	/** {@code He_n(x; s2)} of field {@code f}, cached. */
	static double[] hermite(List<double[]> fields, int f, int n, double s2, Map<String, double[]> cache) {
		return cache.computeIfAbsent(f + "/" + n, (key) -> {
			double[] x = fields.get(f);
			double[] out = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				double prev = 1;
				double cur = x[i];
				if (n == 0) {
					cur = 1;
				}
				for (int q = 1; q < n; q++) {
					double next = x[i] * cur - q * s2 * prev;
					prev = cur;
					cur = next;
				}
				out[i] = cur;
			}
			return out;
		});
	}

}
