package io.physforge.core.weak.internal;

/** The Gram matrix {@code G^T G} of a few columns and the diagonal of its inverse. */
public final class Gram {

	private Gram() {
	}

	/**
	 * The diagonal of {@code (G^T G)^-1} by Gauss-Jordan elimination with partial
	 * pivoting on the column-scaled Gram matrix; {@code +Infinity} where it is singular.
	 */
	public static double[] inverseDiagonal(double[][] columns) {
		int k = columns.length;
		double[] scale = new double[k];
		for (int j = 0; j < k; j++) {
			double s = 0;
			for (double v : columns[j]) {
				s += v * v;
			}
			scale[j] = (s > 0) ? Math.sqrt(s) : 1;
		}
		double[][] a = new double[k][2 * k];
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				double v = 0;
				double[] ci = columns[i];
				double[] cj = columns[j];
				for (int r = 0; r < ci.length; r++) {
					v += ci[r] * cj[r];
				}
				a[i][j] = v / (scale[i] * scale[j]);
			}
			a[i][k + i] = 1;
		}
		for (int c = 0; c < k; c++) {
			int piv = c;
			for (int r = c + 1; r < k; r++) {
				if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
					piv = r;
				}
			}
			double[] tmp = a[c];
			a[c] = a[piv];
			a[piv] = tmp;
			double p = a[c][c];
			if (Math.abs(p) < 1e-14) {
				double[] inf = new double[k];
				java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
				return inf;
			}
			for (int j = 0; j < 2 * k; j++) {
				a[c][j] /= p;
			}
			for (int r = 0; r < k; r++) {
				if (r != c) {
					double f = a[r][c];
					if (f != 0) {
						for (int j = 0; j < 2 * k; j++) {
							a[r][j] -= f * a[c][j];
						}
					}
				}
			}
		}
		double[] d = new double[k];
		for (int j = 0; j < k; j++) {
			d[j] = a[j][k + j] / (scale[j] * scale[j]);
		}
		return d;
	}

}
