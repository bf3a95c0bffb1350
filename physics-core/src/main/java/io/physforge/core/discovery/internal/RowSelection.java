package io.physforge.core.discovery.internal;

import java.util.BitSet;
import java.util.Random;

import io.physforge.core.field.Grid;

/**
 * The grid points used as regression rows: the box that excludes {@code trim[d]} points
 * at each end of every axis {@code d}, subsampled without replacement (Floyd's algorithm,
 * seeded) to at most {@code maxRows} points, in increasing flat order.
 */
public final class RowSelection {

	private RowSelection() {
	}

	/**
	 * @return flat grid indices of the selected points, increasing
	 * @throws IllegalArgumentException if trimming leaves no point on some axis
	 */
	public static int[] select(Grid grid, int[] trim, int maxRows, long seed) {
		int rank = grid.rank();
		int[] shape = grid.shape();
		int[] lo = new int[rank];
		int[] len = new int[rank];
		long total = 1;
		for (int d = 0; d < rank; d++) {
			lo[d] = trim[d];
			len[d] = shape[d] - 2 * trim[d];
			if (len[d] < 1) {
				throw new IllegalArgumentException("axis '" + grid.axes().get(d).name() + "' has " + shape[d]
						+ " points but the derivative method leaves " + trim[d]
						+ " unreliable points at each end; use more points along it or a method with smaller edges (fd or spectral)");
			}
			total *= len[d];
		}
		int n = (int) total;
		int m = Math.min(n, maxRows);
		BitSet chosen = null;
		if (m < n) {
			chosen = new BitSet(n);
			Random random = new Random(seed);
			for (int j = n - m; j < n; j++) {
				int t = random.nextInt(j + 1);
				if (chosen.get(t)) {
					chosen.set(j);
				}
				else {
					chosen.set(t);
				}
			}
		}
		int[] rows = new int[m];
		int r = 0;
		int[] idx = new int[rank];
		for (int interior = 0; interior < n; interior++) {
			if (chosen == null || chosen.get(interior)) {
				int rem = interior;
				int flat = 0;
				for (int d = rank - 1; d >= 0; d--) {
					idx[d] = rem % len[d];
					rem /= len[d];
					flat += (idx[d] + lo[d]) * grid.stride(d);
				}
				rows[r++] = flat;
			}
		}
		return rows;
	}

	/** {@code values[rows[i]]} for every row. */
	public static double[] gather(double[] values, int[] rows) {
		double[] out = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			out[i] = values[rows[i]];
		}
		return out;
	}

}
