package io.physforge.core.weak.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Iteratively reweighted generalised least squares of a weak system with the covariance
 * of its residual, as in WENDy (Bortz, Messenger and Dukic, "Direct estimation of
 * parameters in ODE models using WENDy: weak-form estimation of nonlinear dynamics",
 * Bull. Math. Biol. 85, 110, 2023), here for PDEs on a lattice of separable test
 * functions.
 *
 * <p>
 * Row {@code r} of {@code b - G w} carries, to first order in additive white noise
 * {@code e_f} of variance {@code s_f^2} per field, the noise
 * {@code sum_x L_r,f(x) e_f(x)} with
 * {@code L_r,f = -[f = target] d_t psi_r - sum_j w_j sg_j (D^a_j psi_r) dM_j/du_f}, so
 * {@code Cov = sum_f s_f^2 L_f L_f'}, which depends on {@code w} (WENDy's
 * {@code sigma^2 (V' + sum_j w_j L_j)(..)'}). The derivative {@code dM_j/du_f} is
 * replaced by its test-function-weighted mean around each row ({@code psi_r}-average of
 * the unbiased derivative monomial), so every row's kernel is a combination of a few
 * separable basis kernels and each entry is a sum of products of 1-D kernel correlations:
 * exact for equations linear in the fields, a local linearisation for nonlinear ones. The
 * estimate iterates {@code w <- (G' C(w)^-1 G - T_GG)^-1 (G' C(w)^-1 b - T_Gb)} from the
 * least-squares solution until the relative change is below {@code 1e-6} (at most
 * {@link #MAX_ITERATIONS}); no convergence returns null (the caller keeps least squares).
 * {@code T = tr(C^-1 S)}, with {@code S} the cross-row covariances of the column and
 * {@code b} noise from the same kernels, removes the errors-in-variables bias of the
 * weighted normal equations (corrected least squares, Fuller 1987; kept only while the
 * corrected matrix stays positive definite): without it allen-cahn at 10% noise came out
 * with every coefficient 1-4% too small (worst 3.9e-2, least squares 3.2e-2), with it
 * 1.8e-2. The covariance of the estimate is {@code (G' C^-1 G - T_GG)^-1}, inflated by
 * the whitened residual's mean square when that exceeds one. For cost the rows are
 * thinned to a sub-lattice of at most {@code maxRows} (every {@code s}-th query point per
 * axis): the dense {@code n x n} covariance is factorised once per iteration (0.15-1.3 s
 * per fit on 2 loaded cores). Measured where it is used and where it is not:
 * {@code WeakForm#wendy}.
 */
public final class Wendy {

	/** Largest number of reweighting iterations. */
	public static final int MAX_ITERATIONS = 8;

	/**
	 * Relative change of {@code w} (max norm over its largest entry) that ends the
	 * iteration.
	 */
	static final double TOLERANCE = 1e-6;

	private Wendy() {
	}

	/**
	 * The noise model of a weak system.
	 *
	 * @param kernels {@code kernels[d][q]}: the {@code q}-th derivative of the bump on
	 * axis {@code d}
	 * @param centres the query-point indices per axis (rows flat row-major over axes)
	 * @param tAxis the time axis
	 * @param derivatives per column, the derivative order per axis (0 on time)
	 * @param signs per column, the factor of its integral ({@code (-1)^|a| factor})
	 * @param slopes {@code slopes[j][f]}: per row, the {@code psi_r}-weighted mean of
	 * {@code dM_j/du_f} (null where zero)
	 * @param variances noise variance per field
	 * @param target the field index of the left-hand side
	 */
	public record Model(double[][][] kernels, int[][] centres, int tAxis, int[][] derivatives, double[] signs,
			double[][][] slopes, double[] variances, int target) {
	}

	/**
	 * A generalised least-squares fit.
	 *
	 * @param coefficients the estimate
	 * @param standardErrors square roots of the diagonal of its covariance
	 * @param iterations reweighting iterations used
	 * @param chiSquare whitened residual sum of squares over its degrees of freedom
	 * @param rows rows used
	 * @param millis wall time of the fit (set by the caller)
	 */
	public record Result(double[] coefficients, double[] standardErrors, int iterations, double chiSquare, int rows,
			long millis) {

		/** The same fit with its time. */
		public Result withMillis(long ms) {
			return new Result(this.coefficients, this.standardErrors, this.iterations, this.chiSquare, this.rows, ms);
		}

	}

	/**
	 * Runs the iteration from {@code w0}.
	 * @param g columns ({@code k x n})
	 * @param b left-hand side
	 * @param w0 the starting estimate (least squares)
	 * @param model the noise model
	 * @param maxRows largest number of rows kept
	 * @return the fit, or null when the iteration did not converge or the covariance
	 * could not be factorised
	 */
	public static Result fit(double[][] g, double[] b, double[] w0, Model model, int maxRows) {
		int k = g.length;
		int[] rows = thin(model.centres(), maxRows);
		int n = rows.length;
		if (n <= k + 1) {
			return null;
		}
		int rank = model.centres().length;
		int[][] pos = positions(model.centres(), rows);
		// basis kernels: orders per axis; 0 = b's (d_t psi), then one per distinct
		// spatial derivative
		List<int[]> basis = new ArrayList<>();
		int[] bOrders = new int[rank];
		bOrders[model.tAxis()] = 1;
		basis.add(bOrders);
		int[] basisOf = new int[k];
		for (int j = 0; j < k; j++) {
			int[] o = model.derivatives()[j].clone();
			o[model.tAxis()] = 0;
			int found = -1;
			for (int q = 0; q < basis.size(); q++) {
				if (Arrays.equals(basis.get(q), o)) {
					found = q;
				}
			}
			if (found < 0) {
				basis.add(o);
				found = basis.size() - 1;
			}
			basisOf[j] = found;
		}
		int nq = basis.size();
		// xc[d][q][q'][delta + 2m]: sum_i k_q[i] k_q'[i + delta]
		double[][][][] xc = new double[rank][nq][nq][];
		int[] span = new int[rank];
		for (int d = 0; d < rank; d++) {
			int len = model.kernels()[d][0].length;
			span[d] = len - 1;
			for (int q = 0; q < nq; q++) {
				for (int p = 0; p < nq; p++) {
					double[] a = model.kernels()[d][basis.get(q)[d]];
					double[] c = model.kernels()[d][basis.get(p)[d]];
					double[] x = new double[2 * span[d] + 1];
					for (int delta = -span[d]; delta <= span[d]; delta++) {
						double s = 0;
						for (int i = Math.max(0, -delta); i < len && i + delta < len; i++) {
							s += a[i] * c[i + delta];
						}
						x[delta + span[d]] = s;
					}
					xc[d][q][p] = x;
				}
			}
		}
		double[][] gs = new double[k][n];
		double[] bs = new double[n];
		for (int i = 0; i < n; i++) {
			bs[i] = b[rows[i]];
			for (int j = 0; j < k; j++) {
				gs[j][i] = g[j][rows[i]];
			}
		}
		int fields = model.variances().length;
		double[] w = w0.clone();
		double[] se = null;
		double chi = Double.NaN;
		for (int it = 1; it <= MAX_ITERATIONS; it++) {
			// alpha[f][q][i]: the weight of basis kernel q for field f at row i
			double[][][] alpha = new double[fields][nq][n];
			for (int i = 0; i < n; i++) {
				alpha[model.target()][0][i] = -1;
			}
			for (int j = 0; j < k; j++) {
				for (int f = 0; f < fields; f++) {
					double[] sl = model.slopes()[j][f];
					if (sl == null) {
						continue;
					}
					double c = w[j] * model.signs()[j];
					for (int i = 0; i < n; i++) {
						alpha[f][basisOf[j]][i] -= c * sl[rows[i]];
					}
				}
			}
			double[][] cov = new double[n][];
			for (int i = 0; i < n; i++) {
				cov[i] = new double[i + 1];
				for (int l = 0; l <= i; l++) {
					boolean near = true;
					int[] off = new int[rank];
					for (int d = 0; d < rank; d++) {
						off[d] = pos[i][d] - pos[l][d];
						near &= Math.abs(off[d]) <= span[d];
					}
					if (!near) {
						continue;
					}
					double s = 0;
					for (int q = 0; q < nq; q++) {
						for (int p = 0; p < nq; p++) {
							double kern = 1;
							for (int d = 0; d < rank && kern != 0; d++) {
								// kernel q at row i, p at row l: x = pos_i - m + a =
								// pos_l - m + c
								kern *= xc[d][q][p][off[d] + span[d]];
							}
							if (kern == 0) {
								continue;
							}
							for (int f = 0; f < fields; f++) {
								double v = model.variances()[f];
								if (v > 0) {
									s += v * alpha[f][q][i] * alpha[f][p][l] * kern;
								}
							}
						}
					}
					cov[i][l] = s;
				}
			}
			if (!factorise(cov)) {
				return null;
			}
			double[][] gw = new double[k][];
			for (int j = 0; j < k; j++) {
				gw[j] = forward(cov, gs[j]);
			}
			double[] bw = forward(cov, bs);
			double[][] a = new double[k][k];
			double[] c = new double[k];
			for (int p = 0; p < k; p++) {
				c[p] = dot(gw[p], bw);
				for (int q = 0; q <= p; q++) {
					a[p][q] = dot(gw[p], gw[q]);
					a[q][p] = a[p][q];
				}
			}
			{
				// errors in variables: E[G~'G~] = G'C^-1 G + tr(C^-1 S_jl), E[G~'b~] =
				// G'C^-1 b +
				// tr(C^-1 S_jb), S the cross-row covariances of the column and b noise
				double[][] cinv = inverseFromFactor(cov);
				int fieldsN = model.variances().length;
				// a[s][f][i]: source s's (columns, then b) kernel weight for field f at
				// row i
				double[][][] src = new double[k + 1][fieldsN][];
				int[] srcBasis = new int[k + 1];
				for (int j = 0; j < k; j++) {
					srcBasis[j] = basisOf[j];
					for (int f = 0; f < fieldsN; f++) {
						double[] sl = model.slopes()[j][f];
						if (sl == null) {
							continue;
						}
						double[] v = new double[n];
						for (int i = 0; i < n; i++) {
							v[i] = model.signs()[j] * sl[rows[i]];
						}
						src[j][f] = v;
					}
				}
				srcBasis[k] = 0;
				double[] minus = new double[n];
				java.util.Arrays.fill(minus, -1);
				src[k][model.target()] = minus;
				double[][] t = new double[k + 1][k + 1];
				for (int i = 0; i < n; i++) {
					for (int l = 0; l < n; l++) {
						double wil = (l <= i) ? cinv[i][l] : cinv[l][i];
						boolean near = true;
						for (int d = 0; d < rank && near; d++) {
							near = Math.abs(pos[i][d] - pos[l][d]) <= span[d];
						}
						if (!near || wil == 0) {
							continue;
						}
						for (int u = 0; u <= k; u++) {
							for (int v = 0; v <= k; v++) {
								double kk = 1;
								for (int d = 0; d < rank && kk != 0; d++) {
									kk *= xc[d][srcBasis[u]][srcBasis[v]][pos[i][d] - pos[l][d] + span[d]];
								}
								if (kk == 0) {
									continue;
								}
								double sum = 0;
								for (int f = 0; f < fieldsN; f++) {
									if (src[u][f] != null && src[v][f] != null) {
										sum += model.variances()[f] * src[u][f][i] * src[v][f][l];
									}
								}
								t[u][v] += wil * kk * sum;
							}
						}
					}
				}
				double[][] ac = new double[k][k];
				double[] cc = new double[k];
				for (int p = 0; p < k; p++) {
					cc[p] = c[p] - t[p][k];
					for (int q = 0; q < k; q++) {
						ac[p][q] = a[p][q] - 0.5 * (t[p][q] + t[q][p]);
					}
				}
				double[][] ic = inverse(ac);
				boolean pd = ic != null;
				for (int p = 0; p < k && pd; p++) {
					pd = ic[p][p] > 0;
				}
				if (pd) {
					a = ac;
					c = cc;
				}
			}
			double[][] inv = inverse(a);
			if (inv == null) {
				return null;
			}
			double[] next = new double[k];
			for (int p = 0; p < k; p++) {
				for (int q = 0; q < k; q++) {
					next[p] += inv[p][q] * c[q];
				}
			}
			double rss = 0;
			for (int i = 0; i < n; i++) {
				double e = bw[i];
				for (int j = 0; j < k; j++) {
					e -= next[j] * gw[j][i];
				}
				rss += e * e;
			}
			chi = rss / (n - k);
			se = new double[k];
			for (int p = 0; p < k; p++) {
				se[p] = Math.sqrt(Math.max(0, inv[p][p]) * Math.max(1, chi));
			}
			double change = 0;
			double size = 0;
			for (int p = 0; p < k; p++) {
				change = Math.max(change, Math.abs(next[p] - w[p]));
				size = Math.max(size, Math.abs(next[p]));
			}
			w = next;
			if (!(size > 0) || !Double.isFinite(change)) {
				return null;
			}
			if (change <= TOLERANCE * size) {
				return new Result(w, se, it, chi, n, 0);
			}
		}
		return null;
	}

	/** {@code C^-1} (lower triangle) from its Cholesky factor (lower triangle). */
	private static double[][] inverseFromFactor(double[][] l) {
		int n = l.length;
		// m = L^-1, lower triangular, stored by rows
		double[][] m = new double[n][];
		for (int i = 0; i < n; i++) {
			m[i] = new double[i + 1];
			m[i][i] = 1 / l[i][i];
			for (int j = 0; j < i; j++) {
				double s = 0;
				for (int t = j; t < i; t++) {
					s += l[i][t] * m[t][j];
				}
				m[i][j] = -s / l[i][i];
			}
		}
		double[][] out = new double[n][];
		for (int i = 0; i < n; i++) {
			out[i] = new double[i + 1];
		}
		// C^-1 = M' M: (C^-1)[i][j] = sum_(t >= i) m[t][i] m[t][j], j <= i
		for (int t = 0; t < n; t++) {
			double[] mt = m[t];
			for (int i = 0; i <= t; i++) {
				double mi = mt[i];
				if (mi == 0) {
					continue;
				}
				double[] oi = out[i];
				for (int j = 0; j <= i; j++) {
					oi[j] += mi * mt[j];
				}
			}
		}
		return out;
	}

	/** Row indices of the sub-lattice with at most {@code maxRows} rows. */
	static int[] thin(int[][] centres, int maxRows) {
		int rank = centres.length;
		int[] step = new int[rank];
		Arrays.fill(step, 1);
		while (true) {
			long count = 1;
			int widest = -1;
			int most = 0;
			for (int d = 0; d < rank; d++) {
				int q = (centres[d].length + step[d] - 1) / step[d];
				count *= q;
				if (q > most) {
					most = q;
					widest = d;
				}
			}
			if (count <= maxRows || most <= 1) {
				break;
			}
			step[widest]++;
		}
		List<Integer> out = new ArrayList<>();
		int total = 1;
		for (int[] c : centres) {
			total *= c.length;
		}
		for (int r = 0; r < total; r++) {
			int rest = r;
			boolean keep = true;
			for (int d = rank - 1; d >= 0; d--) {
				int i = rest % centres[d].length;
				rest /= centres[d].length;
				keep &= i % step[d] == 0;
			}
			if (keep) {
				out.add(r);
			}
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int[][] positions(int[][] centres, int[] rows) {
		int rank = centres.length;
		int[][] pos = new int[rows.length][rank];
		for (int i = 0; i < rows.length; i++) {
			int rest = rows[i];
			for (int d = rank - 1; d >= 0; d--) {
				pos[i][d] = centres[d][rest % centres[d].length];
				rest /= centres[d].length;
			}
		}
		return pos;
	}

	/**
	 * In-place Cholesky factor of the covariance with a diagonal jitter, from
	 * {@code 1e-12} of its mean diagonal up by tens while the factorisation fails (rows
	 * whose kernels overlap almost completely make it nearly singular); false past
	 * {@code 1e-4}.
	 */
	private static boolean factorise(double[][] cov) {
		int n = cov.length;
		double mean = 0;
		for (int i = 0; i < n; i++) {
			mean += cov[i][i] / n;
		}
		if (!(mean > 0)) {
			return false;
		}
		for (double jitter = 1e-12; jitter <= 1e-4; jitter *= 10) {
			double[][] a = new double[n][];
			for (int i = 0; i < n; i++) {
				a[i] = cov[i].clone();
				a[i][i] += jitter * mean;
			}
			if (cholesky(a)) {
				for (int i = 0; i < n; i++) {
					cov[i] = a[i];
				}
				return true;
			}
		}
		return false;
	}

	/** In-place lower Cholesky factor of a packed lower triangle; false if not SPD. */
	private static boolean cholesky(double[][] a) {
		int n = a.length;
		for (int i = 0; i < n; i++) {
			double[] ai = a[i];
			for (int j = 0; j <= i; j++) {
				double[] aj = a[j];
				double s = ai[j];
				for (int t = 0; t < j; t++) {
					s -= ai[t] * aj[t];
				}
				if (i == j) {
					if (!(s > 0)) {
						return false;
					}
					ai[i] = Math.sqrt(s);
				}
				else {
					ai[j] = s / aj[j];
				}
			}
		}
		return true;
	}

	private static double[] forward(double[][] l, double[] v) {
		int n = v.length;
		double[] z = new double[n];
		for (int i = 0; i < n; i++) {
			double s = v[i];
			double[] li = l[i];
			for (int t = 0; t < i; t++) {
				s -= li[t] * z[t];
			}
			z[i] = s / li[i];
		}
		return z;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	/** Inverse of a small symmetric positive definite matrix (Gauss-Jordan), or null. */
	private static double[][] inverse(double[][] a) {
		int k = a.length;
		double[][] m = new double[k][2 * k];
		for (int i = 0; i < k; i++) {
			System.arraycopy(a[i], 0, m[i], 0, k);
			m[i][k + i] = 1;
		}
		for (int c = 0; c < k; c++) {
			int piv = c;
			for (int r = c + 1; r < k; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
					piv = r;
				}
			}
			if (m[piv][c] == 0) {
				return null;
			}
			double[] tmp = m[c];
			m[c] = m[piv];
			m[piv] = tmp;
			double d = m[c][c];
			for (int j = 0; j < 2 * k; j++) {
				m[c][j] /= d;
			}
			for (int r = 0; r < k; r++) {
				if (r != c && m[r][c] != 0) {
					double f = m[r][c];
					for (int j = 0; j < 2 * k; j++) {
						m[r][j] -= f * m[c][j];
					}
				}
			}
		}
		double[][] out = new double[k][k];
		for (int i = 0; i < k; i++) {
			System.arraycopy(m[i], k, out[i], 0, k);
		}
		return out;
	}

}
