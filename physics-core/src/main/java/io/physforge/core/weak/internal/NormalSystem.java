package io.physforge.core.weak.internal;

/**
 * The normal equations {@code A w = c} of a weak system on a multiset of its rows, with
 * the noise covariance of {@link NoiseCovariance} subtracted ({@code A = G'G - S_GG},
 * {@code c = G'b - S_Gb}), so that least squares on them is free of the
 * errors-in-variables bias of noisy columns. Solves use Cholesky on the column-scaled
 * matrix; a support whose corrected matrix is not positive definite (over-corrected, or
 * collinear columns) gets a growing ridge.
 *
 * @param a {@code A}, {@code k x k}
 * @param c {@code c}
 * @param bb {@code b'b} (noise of {@code b} included)
 * @param noiseBb the expected noise part of {@code b'b} ({@code sum S_bb})
 * @param rows number of rows summed
 * @param noise {@code sum S_GG}, the noise part subtracted from {@code G'G}
 */
public record NormalSystem(double[][] a, double[] c, double bb, double noiseBb, int rows, double[][] noise) {

	/**
	 * The corrected normal equations over {@code rows} (with repetition; null for all
	 * rows) and the columns {@code lib} (null for all).
	 */
	public static NormalSystem of(double[][] columns, double[] b, NoiseCovariance cov, String lhs, int[] rows,
			int[] lib) {
		int k = (lib == null) ? columns.length : lib.length;
		int[] cols = lib;
		if (cols == null) {
			cols = new int[k];
			for (int j = 0; j < k; j++) {
				cols[j] = j;
			}
		}
		int n = (rows == null) ? b.length : rows.length;
		double[][] a = new double[k][k];
		double[][] noise = new double[k][k];
		double[] c = new double[k];
		double bb = 0;
		double nb = 0;
		double[] sbb = (cov == null) ? null : cov.bb(lhs);
		for (int q = 0; q < n; q++) {
			int r = (rows == null) ? q : rows[q];
			bb += b[r] * b[r];
			if (sbb != null) {
				nb += sbb[r];
			}
		}
		for (int p = 0; p < k; p++) {
			double[] gp = columns[cols[p]];
			double[] sgb = (cov == null) ? null : cov.gb(lhs, cols[p]);
			double s = 0;
			for (int q = 0; q < n; q++) {
				int r = (rows == null) ? q : rows[q];
				s += gp[r] * b[r] - ((sgb == null) ? 0 : sgb[r]);
			}
			c[p] = s;
			for (int l = p; l < k; l++) {
				double[] gl = columns[cols[l]];
				double[] sgg = (cov == null) ? null : cov.gg(cols[p], cols[l]);
				double t = 0;
				double u = 0;
				for (int q = 0; q < n; q++) {
					int r = (rows == null) ? q : rows[q];
					t += gp[r] * gl[r];
					u += (sgg == null) ? 0 : sgg[r];
				}
				a[p][l] = t - u;
				a[l][p] = t - u;
				noise[p][l] = u;
				noise[l][p] = u;
			}
		}
		return new NormalSystem(a, c, bb, nb, n, noise);
	}

	/** Number of columns. */
	public int size() {
		return this.c.length;
	}

	/** Least squares on {@code support}; zero elsewhere. */
	public double[] solve(boolean[] support) {
		int k = size();
		int m = 0;
		for (boolean s : support) {
			if (s) {
				m++;
			}
		}
		int[] idx = new int[m];
		int i = 0;
		for (int j = 0; j < k; j++) {
			if (support[j]) {
				idx[i++] = j;
			}
		}
		double[] w = new double[k];
		if (m == 0) {
			return w;
		}
		double[] scale = new double[m];
		for (int p = 0; p < m; p++) {
			double d = this.a[idx[p]][idx[p]];
			scale[p] = (d > 0) ? Math.sqrt(d) : 1;
		}
		double ridge = 1e-13;
		for (int attempt = 0; attempt < 12; attempt++) {
			double[][] l = new double[m][m];
			boolean ok = true;
			for (int p = 0; p < m && ok; p++) {
				for (int q = 0; q <= p; q++) {
					double s = this.a[idx[p]][idx[q]] / (scale[p] * scale[q]) + ((p == q) ? ridge : 0);
					for (int t = 0; t < q; t++) {
						s -= l[p][t] * l[q][t];
					}
					if (p == q) {
						if (!(s > 0)) {
							ok = false;
							break;
						}
						l[p][p] = Math.sqrt(s);
					}
					else {
						l[p][q] = s / l[q][q];
					}
				}
			}
			if (!ok) {
				ridge *= 10;
				continue;
			}
			double[] z = new double[m];
			for (int p = 0; p < m; p++) {
				double s = this.c[idx[p]] / scale[p];
				for (int t = 0; t < p; t++) {
					s -= l[p][t] * z[t];
				}
				z[p] = s / l[p][p];
			}
			for (int p = m - 1; p >= 0; p--) {
				double s = z[p];
				for (int t = p + 1; t < m; t++) {
					s -= l[t][p] * z[t];
				}
				z[p] = s / l[p][p];
			}
			for (int p = 0; p < m; p++) {
				w[idx[p]] = z[p] / scale[p];
			}
			return w;
		}
		return w;
	}

	/** The residual sum of squares {@code b'b - 2 w'c + w'A w} (noise of b included). */
	public double rss(double[] w) {
		double s = this.bb;
		int k = size();
		for (int p = 0; p < k; p++) {
			if (w[p] == 0) {
				continue;
			}
			s -= 2 * w[p] * this.c[p];
			for (int q = 0; q < k; q++) {
				if (w[q] != 0) {
					s += w[p] * this.a[p][q] * w[q];
				}
			}
		}
		return s;
	}

	/**
	 * The residual sum of squares of the observed (noisy) system at {@code w}:
	 * {@link #rss} plus {@code w' S_GG w}, the column noise the coefficients carry.
	 */
	public double observedRss(double[] w) {
		int k = size();
		double s = rss(w);
		for (int p = 0; p < k; p++) {
			if (w[p] == 0) {
				continue;
			}
			for (int q = 0; q < k; q++) {
				s += w[p] * this.noise[p][q] * w[q];
			}
		}
		return s;
	}

	/** {@code d'A d}. */
	public double energy(double[] d) {
		int k = size();
		double s = 0;
		for (int p = 0; p < k; p++) {
			if (d[p] == 0) {
				continue;
			}
			for (int q = 0; q < k; q++) {
				s += d[p] * this.a[p][q] * d[q];
			}
		}
		return s;
	}

}
