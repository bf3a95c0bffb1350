package io.physforge.core.regression.internal;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The normal equations of a library whose columns and targets are scaled to unit 2-norm
 * over the training rows, plus the held-out test rows (if any) for validation. All sparse
 * searches run on this {@code K x K} system.
 */
public final class NormalSystem {

	private final int k;

	private final double[] columnScale;

	private final double[][] gram;

	private final double[][] rhs;

	private final double[] targetScale;

	private final double[][] testGram;

	private final double[][] testRhs;

	private final double[] testYy;

	private final int testRows;

	private final int trainRows;

	private NormalSystem(int k, double[] columnScale, double[][] gram, double[][] rhs, double[] targetScale,
			double[][] testGram, double[][] testRhs, double[] testYy, int testRows, int trainRows) {
		this.k = k;
		this.columnScale = columnScale;
		this.gram = gram;
		this.rhs = rhs;
		this.targetScale = targetScale;
		this.testGram = testGram;
		this.testRhs = testRhs;
		this.testYy = testYy;
		this.testRows = testRows;
		this.trainRows = trainRows;
	}

	/**
	 * Builds the system.
	 * @param testFraction fraction of rows held out at random (0 for none)
	 * @param seed seed of the random split
	 */
	public static NormalSystem build(double[][] columns, List<double[]> targets, double testFraction, long seed) {
		int k = columns.length;
		int n = Checks.rows(columns, targets);
		boolean[] test = new boolean[n];
		int nTest = (int) Math.round(n * testFraction);
		if (testFraction > 0 && (nTest < 1 || n - nTest < k)) {
			throw new IllegalArgumentException("too few rows (" + n + ") for a train/test split with " + k
					+ " library terms; use more data points or a smaller library");
		}
		if (nTest > 0) {
			// partial Fisher-Yates: the first nTest entries of a random permutation
			int[] perm = new int[n];
			for (int i = 0; i < n; i++) {
				perm[i] = i;
			}
			Random random = new Random(seed);
			for (int i = 0; i < nTest; i++) {
				int j = i + random.nextInt(n - i);
				int tmp = perm[i];
				perm[i] = perm[j];
				perm[j] = tmp;
				test[perm[i]] = true;
			}
		}
		int nTrain = n - nTest;
		double[][] testColumns = new double[k][nTest];
		double[][] testTargets = new double[targets.size()][nTest];
		for (int i = 0, t = 0; i < n; i++) {
			if (test[i]) {
				for (int j = 0; j < k; j++) {
					testColumns[j][t] = columns[j][i];
				}
				for (int m = 0; m < targets.size(); m++) {
					testTargets[m][t] = targets.get(m)[i];
				}
				t++;
			}
		}
		double[][] gram = new double[k][k];
		double[][] testGram = new double[k][k];
		for (int a = 0; a < k; a++) {
			for (int b = 0; b <= a; b++) {
				double t = dot(testColumns[a], testColumns[b]);
				double s = dot(columns[a], columns[b]) - t;
				gram[a][b] = s;
				gram[b][a] = s;
				testGram[a][b] = t;
				testGram[b][a] = t;
			}
		}
		double[][] testRhs = new double[targets.size()][k];
		double[] testYy = new double[targets.size()];
		double[] columnScale = new double[k];
		for (int a = 0; a < k; a++) {
			columnScale[a] = Math.sqrt(Math.max(gram[a][a], 0.0));
		}
		double[][] rhs = new double[targets.size()][k];
		double[] targetScale = new double[targets.size()];
		for (int m = 0; m < targets.size(); m++) {
			double[] y = targets.get(m);
			testYy[m] = dot(testTargets[m], testTargets[m]);
			double yy = dot(y, y) - testYy[m];
			targetScale[m] = Math.sqrt(Math.max(yy, 0.0));
			for (int a = 0; a < k; a++) {
				testRhs[m][a] = dot(testColumns[a], testTargets[m]);
				rhs[m][a] = dot(columns[a], y) - testRhs[m][a];
			}
		}
		// normalise
		for (int a = 0; a < k; a++) {
			for (int b = 0; b < k; b++) {
				double s = columnScale[a] * columnScale[b];
				gram[a][b] = (s > 0) ? gram[a][b] / s : 0.0;
			}
			for (int m = 0; m < targets.size(); m++) {
				double s = columnScale[a] * targetScale[m];
				rhs[m][a] = (s > 0) ? rhs[m][a] / s : 0.0;
			}
		}
		return new NormalSystem(k, columnScale, gram, rhs, targetScale, testGram, testRhs, testYy, nTest, nTrain);
	}

	public int size() {
		return this.k;
	}

	public int trainRows() {
		return this.trainRows;
	}

	public int testRows() {
		return this.testRows;
	}

	/** Columns that are identically zero on the training rows can never be selected. */
	public boolean usable(int column) {
		return this.columnScale[column] > 0;
	}

	/** All usable columns. */
	public boolean[] allUsable() {
		boolean[] a = new boolean[this.k];
		for (int j = 0; j < this.k; j++) {
			a[j] = usable(j);
		}
		return a;
	}

	/**
	 * Normalised coefficients of the ridge problem restricted to {@code active}:
	 * {@code (G_AA + lambda I) w_A = b_A}, zero outside. Solved by Cholesky when it is
	 * well conditioned (EJML's quality, the ratio of the smallest to the largest diagonal
	 * of the factor, above 1e-7), else by SVD pseudo-inverse, so rank deficiency gives
	 * the minimum-norm solution.
	 */
	public double[] solve(int target, boolean[] active, double lambda) {
		int[] idx = indices(active);
		double[] w = new double[this.k];
		if (idx.length == 0) {
			return w;
		}
		DMatrixRMaj a = new DMatrixRMaj(idx.length, idx.length);
		DMatrixRMaj b = new DMatrixRMaj(idx.length, 1);
		for (int i = 0; i < idx.length; i++) {
			for (int j = 0; j < idx.length; j++) {
				a.set(i, j, this.gram[idx[i]][idx[j]] + ((i == j) ? lambda : 0.0));
			}
			b.set(i, 0, this.rhs[target][idx[i]]);
		}
		DMatrixRMaj x = new DMatrixRMaj(idx.length, 1);
		LinearSolverDense<DMatrixRMaj> solver = factor(a, lambda);
		solver.solve(b, x);
		for (int i = 0; i < idx.length; i++) {
			w[idx[i]] = x.get(i, 0);
		}
		return w;
	}

	/**
	 * A factorisation of {@code a} ({@code G_AA + lambda I}): Cholesky, with the diagonal
	 * shifted by at least 1e-12 (columns have unit norm, so the shift bounds the
	 * condition number by about 1e12 K and changes well-conditioned solutions by under
	 * 1e-10 relative), shifted further (up to 1e-6) if the factorisation breaks down,
	 * else SVD pseudo-inverse.
	 */
	private static LinearSolverDense<DMatrixRMaj> factor(DMatrixRMaj a, double lambda) {
		int n = a.numRows;
		for (double shift = Math.max(0, 1e-12 - lambda); shift <= 1e-6; shift = Math.max(shift * 100, 1e-12)) {
			DMatrixRMaj s = a.copy();
			for (int i = 0; i < n; i++) {
				s.add(i, i, shift);
			}
			LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
			if (chol.setA(s)) {
				return chol;
			}
		}
		LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
		if (!pinv.setA(a.copy())) {
			throw new ArithmeticException("normal equations could not be decomposed");
		}
		return pinv;
	}

	/**
	 * Diagonal of {@code (G_AA + lambda I)^-1}, in the order of the active columns.
	 */
	public double[] inverseDiagonal(boolean[] active, double lambda) {
		int[] idx = indices(active);
		DMatrixRMaj a = new DMatrixRMaj(idx.length, idx.length);
		for (int i = 0; i < idx.length; i++) {
			for (int j = 0; j < idx.length; j++) {
				a.set(i, j, this.gram[idx[i]][idx[j]] + ((i == j) ? lambda : 0.0));
			}
		}
		DMatrixRMaj inv = new DMatrixRMaj(idx.length, idx.length);
		factor(a, lambda).invert(inv);
		double[] d = new double[idx.length];
		for (int i = 0; i < idx.length; i++) {
			d[i] = Math.max(inv.get(i, i), 1e-300);
		}
		return d;
	}

	/**
	 * Relative residual {@code ||y - X w|| / ||y||} of normalised coefficients on the
	 * held-out rows, through their normal equations (on the training rows when there are
	 * none). Rounding limits it to about 1e-7 relative, far below any residual that
	 * matters for model selection.
	 */
	public double testResidual(int target, double[] w) {
		if (testRows() == 0) {
			return trainResidual(target, w);
		}
		double[] c = denormalise(target, w);
		double[] b = this.testRhs[target];
		double rr = this.testYy[target];
		for (int a = 0; a < this.k; a++) {
			if (c[a] == 0) {
				continue;
			}
			double ga = 0;
			for (int d = 0; d < this.k; d++) {
				if (c[d] != 0) {
					ga += this.testGram[a][d] * c[d];
				}
			}
			rr += c[a] * (ga - 2 * b[a]);
		}
		rr = Math.max(rr, 0.0);
		double yy = this.testYy[target];
		return (yy > 0) ? Math.sqrt(rr / yy) : Math.sqrt(rr);
	}

	/** Relative residual on the training rows: {@code sqrt(1 - 2 w.b + w'Gw)}. */
	public double trainResidual(int target, double[] w) {
		double s = 1.0;
		for (int a = 0; a < this.k; a++) {
			if (w[a] == 0) {
				continue;
			}
			s -= 2 * w[a] * this.rhs[target][a];
			for (int b = 0; b < this.k; b++) {
				if (w[b] != 0) {
					s += w[a] * this.gram[a][b] * w[b];
				}
			}
		}
		return Math.sqrt(Math.max(s, 0.0));
	}

	/** Coefficients in original units from normalised ones. */
	public double[] denormalise(int target, double[] w) {
		double[] out = new double[this.k];
		for (int j = 0; j < this.k; j++) {
			out[j] = (w[j] == 0) ? 0.0 : w[j] * this.targetScale[target] / this.columnScale[j];
		}
		return out;
	}

	public static int[] indices(boolean[] active) {
		int n = 0;
		for (boolean b : active) {
			if (b) {
				n++;
			}
		}
		int[] idx = new int[n];
		for (int i = 0, j = 0; i < active.length; i++) {
			if (active[i]) {
				idx[j++] = i;
			}
		}
		return idx;
	}

	private static boolean allFinite(DMatrixRMaj x) {
		for (int i = 0; i < x.getNumElements(); i++) {
			if (!Double.isFinite(x.get(i))) {
				return false;
			}
		}
		return true;
	}

	static double dot(double[] a, double[] b) {
		double s0 = 0;
		double s1 = 0;
		double s2 = 0;
		double s3 = 0;
		int n = a.length;
		int i = 0;
		for (; i + 3 < n; i += 4) {
			s0 += a[i] * b[i];
			s1 += a[i + 1] * b[i + 1];
			s2 += a[i + 2] * b[i + 2];
			s3 += a[i + 3] * b[i + 3];
		}
		for (; i < n; i++) {
			s0 += a[i] * b[i];
		}
		return (s0 + s1) + (s2 + s3);
	}

}
