package io.physforge.core.ensemble;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import io.physforge.core.concurrent.Cancellation;

/**
 * Bootstrap aggregation of a sparse regression (Ensemble-SINDy: Fasel, Kutz, Brunton and
 * Brunton, "Ensemble-SINDy: Robust sparse model discovery in the low-data, high-noise
 * limit, with active learning and control", Proc. R. Soc. A 478, 20210904, 2022).
 *
 * <p>
 * The linear system {@code y = X w} is assembled once (strong form: one row per grid
 * point; weak form: one row per test-function patch); each member draws {@code m} rows
 * with replacement and, with library bagging, a random subset of
 * {@code ceil(libraryFraction K)} columns, and runs the same sparse regression on its
 * resampled system. Per term: the inclusion probability is the fraction of members (that
 * saw the term) with a non-zero coefficient; the confidence interval is the 2.5/97.5
 * percentile interval of the member coefficients with the zeros of dropping members
 * counted, so a term kept by fewer than 97.5% of the members has an interval that reaches
 * zero. The reported support is the terms with inclusion at least the threshold; callers
 * refit it by least squares on all rows.
 *
 * <p>
 * Row bootstrap of the weak system: its rows are integrals over overlapping test
 * functions, so neighbouring rows are strongly correlated and a bootstrap of single rows
 * gives intervals several times too narrow (measured on burgers at 10% noise: a
 * half-width of 0.0015 on {@code u*u_x} that missed the true value); the weak form
 * therefore draws circular blocks of the test-function lattice (one block = the centres
 * within one standard deviation of the bump either side), which gave intervals 2 to 4
 * times wider that contain the true coefficients (EnsembleTest).
 *
 * <p>
 * Members are independent and run in parallel (common fork-join pool); member {@code i}
 * draws from {@code SplittableRandom(seed).split()} taken in order, so the result is the
 * same for a seed whatever the thread count. Measured numbers: see the ensemble tests and
 * {@code EnsembleBench} (docs/benchmarks.md).
 */
public final class Ensemble {

	private Ensemble() {
	}

	/** The sparse regression each member runs. */
	@FunctionalInterface
	public interface MemberRegression {

		/**
		 * @param columns the member's columns (a row resample of the library, only the
		 * member's library terms)
		 * @param y the member's target rows
		 * @return one coefficient per given column, zero where dropped
		 */
		double[] fit(double[][] columns, double[] y);

		/**
		 * As {@link #fit(double[][], double[])}, told which rows of the full system (with
		 * repetition) and which library columns the member drew, for regressions that
		 * need more per-row data than the columns (the weak form's noise covariance).
		 * @param rows the member's rows, indices into the full system
		 * @param library the member's library columns, indices into the full library
		 */
		default double[] fit(double[][] columns, double[] y, int[] rows, int[] library) {
			return fit(columns, y);
		}

	}

	/**
	 * Runs the ensemble.
	 * @param columns the library, column by column
	 * @param y the target
	 * @param regression the member regression
	 * @param settings members, threshold, library fraction, seed (members must be > 0)
	 * @param rowsPerMember rows each member draws with replacement (the number of rows
	 * for the classical bootstrap)
	 */
	public static EnsembleResult run(double[][] columns, double[] y, MemberRegression regression,
			EnsembleSettings settings, int rowsPerMember) {
		return run(columns, y, regression, settings, rowsPerMember, null, null);
	}

	/**
	 * Runs the ensemble with a circular block bootstrap (Politis and Romano 1992) when
	 * the rows form a lattice whose neighbours are correlated (weak-form rows:
	 * overlapping test functions): each member draws whole blocks of {@code block[d]}
	 * consecutive lattice points per axis (wrapping around) until it has at least
	 * {@code rowsPerMember} rows, which keeps the correlation inside a block and so gives
	 * honest spreads; {@code lattice == null} draws single rows (the classical
	 * bootstrap).
	 * @param lattice the row lattice shape (row-major, last axis fastest), or null
	 * @param block the block length per lattice axis, or null
	 * @throws CancellationException when the calling thread is interrupted (checked
	 * before each member)
	 */
	public static EnsembleResult run(double[][] columns, double[] y, MemberRegression regression,
			EnsembleSettings settings, int rowsPerMember, int[] lattice, int[] block) {
		int k = columns.length;
		int n = y.length;
		int members = settings.members();
		if (members < 1) {
			throw new IllegalArgumentException("an ensemble needs at least one member, got " + members);
		}
		if (rowsPerMember < 1) {
			throw new IllegalArgumentException("rows per member must be positive, got " + rowsPerMember);
		}
		int kept = Math.max(1, (int) Math.ceil(settings.libraryFraction() * k));
		SplittableRandom root = new SplittableRandom(settings.seed());
		SplittableRandom[] randoms = new SplittableRandom[members];
		for (int i = 0; i < members; i++) {
			randoms[i] = root.split();
		}
		int blockSize = 1;
		if (lattice != null) {
			long total = 1;
			for (int d = 0; d < lattice.length; d++) {
				if (block[d] < 1 || block[d] > lattice[d]) {
					throw new IllegalArgumentException(
							"block length " + block[d] + " on lattice axis " + d + " must be 1.." + lattice[d]);
				}
				total *= lattice[d];
				blockSize *= block[d];
			}
			if (total != n) {
				throw new IllegalArgumentException("the row lattice " + Arrays.toString(lattice) + " has " + total
						+ " points but the system has " + n + " rows");
			}
		}
		int drawn = (lattice == null) ? rowsPerMember : ((rowsPerMember + blockSize - 1) / blockSize) * blockSize;
		int bs = blockSize;
		double[][] coef = new double[members][];
		boolean[][] seen = new boolean[members][];
		Thread owner = Thread.currentThread();
		try {
			java.util.stream.IntStream.range(0, members).parallel().forEach((i) -> {
				Cancellation.check(owner, "ensemble member " + (i + 1) + " of " + members);
				SplittableRandom r = randoms[i];
				int[] rows = (lattice == null) ? singleRows(r, n, drawn) : blockRows(r, lattice, block, drawn / bs, bs);
				int[] lib = library(k, kept, r);
				double[][] cols = new double[lib.length][drawn];
				for (int c = 0; c < lib.length; c++) {
					double[] src = columns[lib[c]];
					double[] dst = cols[c];
					for (int q = 0; q < drawn; q++) {
						dst[q] = src[rows[q]];
					}
				}
				double[] yy = new double[drawn];
				for (int q = 0; q < drawn; q++) {
					yy[q] = y[rows[q]];
				}
				double[] w = regression.fit(cols, yy, rows, lib);
				double[] full = new double[k];
				boolean[] s = new boolean[k];
				for (int c = 0; c < lib.length; c++) {
					full[lib[c]] = w[c];
					s[lib[c]] = true;
				}
				coef[i] = full;
				seen[i] = s;
			});
		}
		catch (CancellationException ex) {
			// a parallel stream rethrows a copy without the message: report the original
			throw (ex.getMessage() == null && ex.getCause() instanceof CancellationException original) ? original : ex;
		}
		double[] inclusion = new double[k];
		double[] lower = new double[k];
		double[] upper = new double[k];
		double[] median = new double[k];
		boolean[] support = new boolean[k];
		for (int j = 0; j < k; j++) {
			double[] v = new double[members];
			int count = 0;
			int nonZero = 0;
			for (int i = 0; i < members; i++) {
				if (seen[i][j]) {
					v[count++] = coef[i][j];
					if (coef[i][j] != 0) {
						nonZero++;
					}
				}
			}
			double[] s = Arrays.copyOf(v, count);
			Arrays.sort(s);
			inclusion[j] = (count > 0) ? (double) nonZero / count : 0;
			lower[j] = percentile(s, 0.025);
			upper[j] = percentile(s, 0.975);
			median[j] = percentile(s, 0.5);
			support[j] = inclusion[j] >= settings.inclusionThreshold();
		}
		return new EnsembleResult(members, drawn, inclusion, lower, upper, median, support);
	}

	/** Linear interpolation between order statistics (type 7); 0 when empty. */
	static double percentile(double[] sorted, double q) {
		if (sorted.length == 0) {
			return 0;
		}
		double pos = q * (sorted.length - 1);
		int lo = (int) Math.floor(pos);
		int hi = Math.min(sorted.length - 1, lo + 1);
		double f = pos - lo;
		return sorted[lo] * (1 - f) + sorted[hi] * f;
	}

	private static int[] singleRows(SplittableRandom r, int n, int count) {
		int[] rows = new int[count];
		for (int q = 0; q < count; q++) {
			rows[q] = r.nextInt(n);
		}
		return rows;
	}

	private static int[] blockRows(SplittableRandom r, int[] lattice, int[] block, int blocks, int blockSize) {
		int rank = lattice.length;
		int[] rows = new int[blocks * blockSize];
		int[] origin = new int[rank];
		int[] idx = new int[rank];
		int q = 0;
		for (int b = 0; b < blocks; b++) {
			for (int d = 0; d < rank; d++) {
				origin[d] = r.nextInt(lattice[d]);
			}
			for (int e = 0; e < blockSize; e++) {
				int rem = e;
				for (int d = rank - 1; d >= 0; d--) {
					idx[d] = rem % block[d];
					rem /= block[d];
				}
				int flat = 0;
				for (int d = 0; d < rank; d++) {
					flat = flat * lattice[d] + (origin[d] + idx[d]) % lattice[d];
				}
				rows[q++] = flat;
			}
		}
		return rows;
	}

	private static int[] library(int k, int kept, SplittableRandom r) {
		if (kept >= k) {
			int[] all = new int[k];
			for (int j = 0; j < k; j++) {
				all[j] = j;
			}
			return all;
		}
		int[] perm = new int[k];
		for (int j = 0; j < k; j++) {
			perm[j] = j;
		}
		for (int j = 0; j < kept; j++) {
			int t = j + r.nextInt(k - j);
			int tmp = perm[j];
			perm[j] = perm[t];
			perm[t] = tmp;
		}
		int[] out = Arrays.copyOf(perm, kept);
		Arrays.sort(out);
		return out;
	}

}
