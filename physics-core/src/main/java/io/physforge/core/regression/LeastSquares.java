package io.physforge.core.regression;

import java.util.List;

import io.physforge.core.regression.internal.Checks;
import io.physforge.core.regression.internal.NormalSystem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ordinary least squares and ridge regression on a subset of library columns, used for
 * the final refit of a sparse support. Least squares is solved by Householder QR with
 * column pivoting on unit-norm columns (EJML), which keeps the accuracy of the
 * coefficients at about {@code cond(X) * 1e-16} instead of the {@code cond(X)^2 * 1e-16}
 * of the normal equations; rank-deficient supports get the basic solution of the pivoted
 * QR.
 */
public final class LeastSquares {

	private LeastSquares() {
	}

	/**
	 * Least-squares coefficients of {@code y} on the columns where {@code support} is
	 * true; zero elsewhere.
	 */
	public static double[] solve(double[][] columns, boolean[] support, double[] y) {
		int n = Checks.rows(columns, List.of(y));
		if (support.length != columns.length) {
			throw new IllegalArgumentException(
					"support has " + support.length + " entries for " + columns.length + " columns");
		}
		int[] idx = NormalSystem.indices(support);
		double[] w = new double[columns.length];
		if (idx.length == 0) {
			return w;
		}
		double[] scale = new double[idx.length];
		DMatrixRMaj a = new DMatrixRMaj(n, idx.length);
		for (int j = 0; j < idx.length; j++) {
			double[] c = columns[idx[j]];
			double s = 0;
			for (double v : c) {
				s += v * v;
			}
			scale[j] = (s > 0) ? Math.sqrt(s) : 1.0;
			for (int i = 0; i < n; i++) {
				a.unsafe_set(i, j, c[i] / scale[j]);
			}
		}
		DMatrixRMaj b = new DMatrixRMaj(n, 1, true, y);
		DMatrixRMaj x = new DMatrixRMaj(idx.length, 1);
		LinearSolverDense<DMatrixRMaj> qr = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
		if (!qr.setA(a)) {
			throw new ArithmeticException("QR decomposition of the library failed");
		}
		qr.solve(b, x);
		for (int j = 0; j < idx.length; j++) {
			w[idx[j]] = x.get(j, 0) / scale[j];
		}
		return w;
	}

	/** Least squares on all columns. */
	public static double[] solve(double[][] columns, double[] y) {
		boolean[] all = new boolean[columns.length];
		java.util.Arrays.fill(all, true);
		return solve(columns, all, y);
	}

	/**
	 * Ridge regression {@code min ||y - X w||^2 + lambda ||D w||^2} with {@code D} the
	 * column norms, i.e. ridge on unit-norm columns and a unit-norm target with
	 * dimensionless {@code lambda}, in original units.
	 */
	public static double[] ridge(double[][] columns, double[] y, double lambda) {
		if (!(lambda >= 0)) {
			throw new IllegalArgumentException("ridge parameter must be >= 0, got " + lambda);
		}
		NormalSystem system = NormalSystem.build(columns, List.of(y), 0.0, 0L);
		return system.denormalise(0, system.solve(0, system.allUsable(), lambda));
	}

	/**
	 * Relative residual {@code ||y - X w|| / ||y||} over all rows ({@code ||y - X w||}
	 * when {@code y} is zero).
	 */
	public static double relativeResidual(double[][] columns, double[] w, double[] y) {
		double rr = 0;
		double yy = 0;
		for (int i = 0; i < y.length; i++) {
			double r = y[i];
			for (int j = 0; j < columns.length; j++) {
				if (w[j] != 0) {
					r -= w[j] * columns[j][i];
				}
			}
			rr += r * r;
			yy += y[i] * y[i];
		}
		return (yy > 0) ? Math.sqrt(rr / yy) : Math.sqrt(rr);
	}

}
