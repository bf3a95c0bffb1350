package io.physforge.core.weak.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

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
	 * {@code dM_j/du_f} (null where zero); used only without {@code pointSlopes}, which
	 * then may leave it null
	 * @param variances noise variance per field
	 * @param target the field index of the left-hand side
	 * @param pointSlopes {@code pointSlopes[j][f]}: {@code dM_j/du_f} at every grid point
	 * (null where zero), for the exact covariance; null for the row-mean form. Needs a
	 * grid of one time and one spatial axis.
	 * @param shape the grid shape (with {@code pointSlopes})
	 */
	public record Model(double[][][] kernels, int[][] centres, int tAxis, int[][] derivatives, double[] signs,
			double[][][] slopes, double[] variances, int target, double[][][] pointSlopes, int[] shape) {

		/** The row-mean model (no point-by-point slopes). */
		public Model(double[][][] kernels, int[][] centres, int tAxis, int[][] derivatives, double[] signs,
				double[][][] slopes, double[] variances, int target) {
			this(kernels, centres, tAxis, derivatives, signs, slopes, variances, target, null, null);
		}

	}

	/**
	 * The noise sources of a row's residual: {@code b}'s time-derivative kernel on the
	 * target field (index 0, column -1), then one per column and field whose monomial
	 * depends on that field, with its basis kernel and its slope {@code dM_j/du_f} (the
	 * row mean per kept row, and the point values when the model has them).
	 */
	private static final class Sources {

		final int[] field;

		final int[] basis;

		final int[] column;

		final double[][] rowMean;

		final double[][] point;

		private Sources(List<int[]> spec, double[][] rowMean, double[][] point) {
			int ns = spec.size();
			this.field = new int[ns];
			this.basis = new int[ns];
			this.column = new int[ns];
			for (int a = 0; a < ns; a++) {
				this.field[a] = spec.get(a)[0];
				this.basis[a] = spec.get(a)[1];
				this.column[a] = spec.get(a)[2];
			}
			this.rowMean = rowMean;
			this.point = point;
		}

		int count() {
			return this.field.length;
		}

		static Sources of(Model model, List<int[]> basis, int[] basisOf, int[] rows) {
			List<int[]> spec = new ArrayList<>();
			List<double[]> means = new ArrayList<>();
			List<double[]> points = new ArrayList<>();
			double[] ones = new double[rows.length];
			Arrays.fill(ones, 1);
			spec.add(new int[] { model.target(), 0, -1 });
			means.add(ones);
			points.add(null);
			for (int j = 0; j < basisOf.length; j++) {
				for (int f = 0; f < model.variances().length; f++) {
					double[] point = (model.pointSlopes() != null) ? model.pointSlopes()[j][f] : null;
					double[] sl = (model.slopes() != null) ? model.slopes()[j][f] : null;
					if (point == null && sl == null) {
						continue;
					}
					double[] m = null;
					if (sl != null) {
						m = new double[rows.length];
						for (int i = 0; i < rows.length; i++) {
							m[i] = sl[rows[i]];
						}
					}
					spec.add(new int[] { f, basisOf[j], j });
					means.add(m);
					points.add(point);
				}
			}
			return new Sources(spec, means.toArray(new double[0][]), points.toArray(new double[0][]));
		}

	}

	/**
	 * For every pair of kept rows {@code (i, l)}, {@code l <= i}, whose kernels overlap:
	 * {@code E_ab(i, l) = sum_x K_a(x - c_i) K_b(x - c_l) h_a(x) h_b(x)} for every pair
	 * of sources (flat {@code a * ns + b}), with {@code h} the source's slope: its row
	 * mean ({@link #rowMean}, a product of 1-D kernel correlations) or its point values
	 * ({@link #exact}). Then {@code Cov(i, l) = sum_f s_f^2 sum_(a, b on f) gamma_a
	 * gamma_b E_ab(i, l)}.
	 */
	private static final class PairTerms {

		final int[] row;

		final int[] other;

		final double[][] values;

		private PairTerms(List<int[]> pairs, List<double[]> values) {
			this.row = new int[pairs.size()];
			this.other = new int[pairs.size()];
			for (int q = 0; q < pairs.size(); q++) {
				this.row[q] = pairs.get(q)[0];
				this.other[q] = pairs.get(q)[1];
			}
			this.values = values.toArray(new double[0][]);
		}

		int size() {
			return this.row.length;
		}

		static PairTerms rowMean(Model model, List<int[]> basis, Sources src, int[][] pos, int[] span,
				double[][][][] xc, int nq) {
			int n = pos.length;
			int rank = pos[0].length;
			int ns = src.count();
			List<int[]> pairs = new ArrayList<>();
			List<double[]> values = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				for (int l = 0; l <= i; l++) {
					if (!near(pos[i], pos[l], span)) {
						continue;
					}
					double[] e = new double[ns * ns];
					for (int a = 0; a < ns; a++) {
						for (int b = 0; b < ns; b++) {
							if (src.field[a] != src.field[b]) {
								continue;
							}
							double kern = src.rowMean[a][i] * src.rowMean[b][l];
							for (int d = 0; d < rank && kern != 0; d++) {
								kern *= xc[d][src.basis[a]][src.basis[b]][pos[i][d] - pos[l][d] + span[d]];
							}
							e[a * ns + b] = kern;
						}
					}
					pairs.add(new int[] { i, l });
					values.add(e);
				}
			}
			return new PairTerms(pairs, values);
		}

		/**
		 * The sums point by point on a grid of two axes: per pair of sources the product
		 * of their slopes {@code H = h_a h_b} is reduced along axis 1 against
		 * {@code K_a(y) K_b(y + off1)} once per distinct spatial centre and offset, for
		 * every point of axis 0, and then along axis 0 per pair of rows (the exact
		 * first-order covariance, not a row-mean linearisation). Pairs of sources with
		 * constant slopes are products of 1-D kernel correlations.
		 */
		static PairTerms exact(Model model, List<int[]> basis, Sources src, int[][] pos, int[] span,
				double[][][][] xc) {
			int n = pos.length;
			int ns = src.count();
			int n0 = model.shape()[0];
			int n1 = model.shape()[1];
			int len0 = span[0] + 1;
			int len1 = span[1] + 1;
			int m0 = span[0] / 2;
			int m1 = span[1] / 2;
			List<int[]> pairs = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				for (int l = 0; l <= i; l++) {
					if (near(pos[i], pos[l], span)) {
						pairs.add(new int[] { i, l });
					}
				}
			}
			int np = pairs.size();
			double[][] values = new double[np][ns * ns];
			// distinct centres on axis 1 and offsets on axis 1 among the pairs
			java.util.TreeMap<Integer, Integer> centreIndex = new java.util.TreeMap<>();
			for (int[] p : pos) {
				centreIndex.putIfAbsent(p[1], centreIndex.size());
			}
			boolean[] offsets1 = new boolean[2 * span[1] + 1];
			for (int[] pr : pairs) {
				offsets1[pos[pr[0]][1] - pos[pr[1]][1] + span[1]] = true;
			}
			List<int[]> sourcePairs = new ArrayList<>();
			for (int a = 0; a < ns; a++) {
				for (int b = 0; b < ns; b++) {
					if (src.field[a] == src.field[b]) {
						sourcePairs.add(new int[] { a, b });
					}
				}
			}
			sourcePairs.parallelStream().forEach((ab) -> {
				int a = ab[0];
				int b = ab[1];
				int slot = a * ns + b;
				int qa = src.basis[a];
				int qb = src.basis[b];
				double[] ha = src.point[a];
				double[] hb = src.point[b];
				if (ha == null && hb == null) {
					for (int q = 0; q < np; q++) {
						int[] pr = pairs.get(q);
						values[q][slot] = xc[0][qa][qb][pos[pr[0]][0] - pos[pr[1]][0] + span[0]]
								* xc[1][qa][qb][pos[pr[0]][1] - pos[pr[1]][1] + span[1]];
					}
					return;
				}
				double[] h = new double[n0 * n1];
				for (int x = 0; x < h.length; x++) {
					h[x] = ((ha != null) ? ha[x] : 1) * ((hb != null) ? hb[x] : 1);
				}
				double[] ka0 = model.kernels()[0][basis.get(qa)[0]];
				double[] kb0 = model.kernels()[0][basis.get(qb)[0]];
				double[] ka1 = model.kernels()[1][basis.get(qa)[1]];
				double[] kb1 = model.kernels()[1][basis.get(qb)[1]];
				// reduced[centre][offset][t] = sum_a1 ka1[a1] kb1[a1 + off1] h[t][c1 - m1
				// + a1]
				double[][][] reduced = new double[centreIndex.size()][offsets1.length][];
				double[] kk = new double[len1];
				for (int o = 0; o < offsets1.length; o++) {
					if (!offsets1[o]) {
						continue;
					}
					int off1 = o - span[1];
					int from = Math.max(0, -off1);
					int to = Math.min(len1, len1 - off1);
					for (int a1 = from; a1 < to; a1++) {
						kk[a1] = ka1[a1] * kb1[a1 + off1];
					}
					for (Map.Entry<Integer, Integer> c : centreIndex.entrySet()) {
						int start = c.getKey() - m1;
						double[] r = new double[n0];
						for (int t = 0; t < n0; t++) {
							int base = t * n1 + start;
							double sum = 0;
							for (int a1 = from; a1 < to; a1++) {
								sum += kk[a1] * h[base + a1];
							}
							r[t] = sum;
						}
						reduced[c.getValue()][o] = r;
					}
				}
				for (int q = 0; q < np; q++) {
					int[] pr = pairs.get(q);
					int[] pi = pos[pr[0]];
					int off0 = pi[0] - pos[pr[1]][0];
					double[] r = reduced[centreIndex.get(pi[1])][pi[1] - pos[pr[1]][1] + span[1]];
					int o0 = pi[0] - m0;
					int from = Math.max(0, -off0);
					int to = Math.min(len0, len0 - off0);
					double sum = 0;
					for (int a0 = from; a0 < to; a0++) {
						sum += ka0[a0] * kb0[a0 + off0] * r[o0 + a0];
					}
					values[q][slot] = sum;
				}
			});
			return new PairTerms(pairs, java.util.Arrays.asList(values));
		}

		private static boolean near(int[] p, int[] q, int[] span) {
			for (int d = 0; d < p.length; d++) {
				if (Math.abs(p[d] - q[d]) > span[d]) {
					return false;
				}
			}
			return true;
		}

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
	 * @param logDetCovariance {@code log det C(w)} of the rows used (with the jitter)
	 */
	public record Result(double[] coefficients, double[] standardErrors, int iterations, double chiSquare, int rows,
			long millis, double logDetCovariance) {

		/** The same fit with its time. */
		public Result withMillis(long ms) {
			return new Result(this.coefficients, this.standardErrors, this.iterations, this.chiSquare, this.rows, ms,
					this.logDetCovariance);
		}

		/**
		 * Minus twice the Gaussian log-likelihood of the weak residual under the fitted
		 * covariance, up to a constant: {@code r' C^-1 r + log det C}.
		 */
		public double deviance() {
			return this.chiSquare * (this.rows - this.coefficients.length) + this.logDetCovariance;
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
		Sources src = Sources.of(model, basis, basisOf, rows);
		if (model.pointSlopes() != null && rank != 2) {
			throw new IllegalArgumentException("point-by-point slopes need one time and one spatial axis");
		}
		PairTerms terms = (model.pointSlopes() != null) ? PairTerms.exact(model, basis, src, pos, span, xc)
				: PairTerms.rowMean(model, basis, src, pos, span, xc, nq);
		int ns = src.count();
		double[] w = w0.clone();
		double[] se = null;
		double chi = Double.NaN;
		for (int it = 1; it <= MAX_ITERATIONS; it++) {
			// gamma[a]: the weight of source a in the row kernel L = -d_t psi - sum_j w_j
			// sg_j D^a_j psi dM_j/du
			double[] gamma = new double[ns];
			for (int x = 0; x < ns; x++) {
				gamma[x] = (src.column[x] < 0) ? -1 : -w[src.column[x]] * model.signs()[src.column[x]];
			}
			DMatrixRMaj cov = new DMatrixRMaj(n, n);
			for (int q = 0; q < terms.size(); q++) {
				double[] e = terms.values[q];
				double sum = 0;
				for (int x = 0; x < ns; x++) {
					for (int y = 0; y < ns; y++) {
						if (src.field[x] == src.field[y]) {
							sum += model.variances()[src.field[x]] * gamma[x] * gamma[y] * e[x * ns + y];
						}
					}
				}
				cov.unsafe_set(terms.row[q], terms.other[q], sum);
				cov.unsafe_set(terms.other[q], terms.row[q], sum);
			}
			// C = L L': with M = L^-1, C^-1 B = M' (M B), and C^-1 is needed only where
			// the pair terms are (the errors-in-variables trace below)
			DMatrixRMaj inverseFactor = inverseFactor(cov);
			if (inverseFactor == null) {
				return null;
			}
			double[] mm = inverseFactor.data;
			// whitened columns: y[c][t] = sum_(i <= t) M[t][i] B[i][c], B = [G' b]
			double[][] white = new double[k + 1][n];
			for (int t = 0; t < n; t++) {
				int base = t * n;
				for (int j = 0; j <= k; j++) {
					double[] col = (j < k) ? gs[j] : bs;
					double sum = 0;
					for (int i = 0; i <= t; i++) {
						sum += mm[base + i] * col[i];
					}
					white[j][t] = sum;
				}
			}
			double[][] a = new double[k][k];
			double[] c = new double[k];
			for (int p = 0; p < k; p++) {
				c[p] = dot(white[p], white[k]);
				for (int q = 0; q <= p; q++) {
					a[p][q] = dot(white[p], white[q]);
					a[q][p] = a[p][q];
				}
			}
			double bcb = dot(white[k], white[k]);
			double[][] gls = new double[k][k];
			double[] glsB = c.clone();
			for (int p = 0; p < k; p++) {
				gls[p] = a[p].clone();
			}
			{
				// errors in variables: E[G~'G~] = G'C^-1 G + tr(C^-1 S_jl), E[G~'b~] =
				// G'C^-1 b + tr(C^-1 S_jb), S the cross-row covariances of the column
				// and b noise; index k is b
				// M' by rows: (C^-1)[i][l] = sum_(t >= max(i, l)) M[t][i] M[t][l]
				double[][] mt = new double[n][];
				for (int i = 0; i < n; i++) {
					mt[i] = new double[n - i];
					for (int t = i; t < n; t++) {
						mt[i][t - i] = mm[t * n + i];
					}
				}
				double[] sigma = new double[ns];
				int[] owner = new int[ns];
				for (int s = 0; s < ns; s++) {
					owner[s] = (src.column[s] < 0) ? k : src.column[s];
					sigma[s] = (src.column[s] < 0) ? -1 : model.signs()[src.column[s]];
				}
				double[][] t = new double[k + 1][k + 1];
				for (int q = 0; q < terms.size(); q++) {
					int i = terms.row[q];
					int l = terms.other[q];
					// i >= l: (C^-1)[i][l] = sum_(t >= i) M[t][i] M[t][l]
					double wil = 0;
					double[] ri = mt[i];
					double[] rl = mt[l];
					int shift = i - l;
					for (int r = 0; r < ri.length; r++) {
						wil += ri[r] * rl[r + shift];
					}
					if (wil == 0) {
						continue;
					}
					double[] e = terms.values[q];
					for (int x = 0; x < ns; x++) {
						for (int y = 0; y < ns; y++) {
							if (src.field[x] != src.field[y]) {
								continue;
							}
							double v = model.variances()[src.field[x]] * sigma[x] * sigma[y];
							// ordered pair (i, l): source x at row i, y at row l; and (l,
							// i)
							double both = e[x * ns + y] + ((l != i) ? e[y * ns + x] : 0);
							t[owner[x]][owner[y]] += wil * v * both;
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
			// whitened residual r' C^-1 r with r = b - G w, from the uncorrected products
			double rss = bcb;
			for (int p = 0; p < k; p++) {
				rss -= 2 * next[p] * glsB[p];
				for (int q = 0; q < k; q++) {
					rss += next[p] * gls[p][q] * next[q];
				}
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
				double logDet = 0;
				for (int i = 0; i < n; i++) {
					logDet -= 2 * Math.log(mm[i * n + i]);
				}
				return new Result(w, se, it, chi, n, 0, logDet);
			}
		}
		return null;
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
	 * The inverse {@code M = L^-1} (row-major, lower triangular) of the Cholesky factor
	 * of the covariance with a diagonal jitter, from {@code 1e-12} of its mean diagonal
	 * up by tens while the factorisation fails (rows whose kernels overlap almost
	 * completely make it nearly singular); null past {@code 1e-4}.
	 */
	private static DMatrixRMaj inverseFactor(DMatrixRMaj cov) {
		int n = cov.numRows;
		double mean = 0;
		for (int i = 0; i < n; i++) {
			mean += cov.unsafe_get(i, i) / n;
		}
		if (!(mean > 0)) {
			return null;
		}
		for (double jitter = 1e-12; jitter <= 1e-4; jitter *= 10) {
			DMatrixRMaj a = cov.copy();
			for (int i = 0; i < n; i++) {
				a.unsafe_set(i, i, a.unsafe_get(i, i) + jitter * mean);
			}
			CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
			if (chol.decompose(a)) {
				DMatrixRMaj l = chol.getT(null);
				TriangularSolver_DDRM.invertLower(l.data, n);
				return l;
			}
		}
		return null;
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
