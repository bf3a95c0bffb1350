package io.physforge.core.regression.internal;

import java.util.List;
import java.util.Objects;

/** Shape and value checks of regression inputs. */
public final class Checks {

	private Checks() {
	}

	/**
	 * The common row count of the columns and targets.
	 * @throws IllegalArgumentException naming the first column or target that is ragged
	 * or not finite
	 */
	public static int rows(double[][] columns, List<double[]> targets) {
		Objects.requireNonNull(columns, "columns");
		Objects.requireNonNull(targets, "targets");
		if (columns.length == 0) {
			throw new IllegalArgumentException("the library has no columns");
		}
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("no target to regress");
		}
		int n = columns[0].length;
		if (n == 0) {
			throw new IllegalArgumentException("the library has no rows");
		}
		for (int j = 0; j < columns.length; j++) {
			check("library column " + j, columns[j], n);
		}
		for (int m = 0; m < targets.size(); m++) {
			check("target " + m, targets.get(m), n);
		}
		return n;
	}

	private static void check(String what, double[] v, int n) {
		if (v.length != n) {
			throw new IllegalArgumentException(what + " has " + v.length + " rows, expected " + n);
		}
		for (int i = 0; i < n; i++) {
			if (!Double.isFinite(v[i])) {
				throw new IllegalArgumentException(what + " has a non-finite value " + v[i] + " at row " + i
						+ "; remove NaN/Inf points from the data before discovery");
			}
		}
	}

}
