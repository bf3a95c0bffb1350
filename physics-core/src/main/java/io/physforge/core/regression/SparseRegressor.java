package io.physforge.core.regression;

import java.util.List;

/**
 * Finds a sparse coefficient vector {@code w} with {@code y ~ X w} for each target
 * {@code y}.
 *
 * <p>
 * The library matrix {@code X} is given column by column ({@code columns[j][i]} = term
 * {@code j} at row {@code i}), so that large data sets are never copied into one
 * row-major block. Several targets (one per field: {@code u_t}, {@code v_t}) share the
 * library and its factorisations.
 */
public interface SparseRegressor {

	/**
	 * @param columns the library, {@code K} columns of {@code n} rows each
	 * @param targets one or more targets of {@code n} rows
	 * @return one fit per target, in order
	 * @throws IllegalArgumentException if the shapes disagree or values are not finite
	 */
	List<SparseFit> fit(double[][] columns, List<double[]> targets);

	/** One target. */
	default SparseFit fit(double[][] columns, double[] target) {
		return fit(columns, List.of(target)).get(0);
	}

	/** Short method name, for provenance ({@code stlsq}, {@code stridge}, ...). */
	String name();

	/** The settings of this regressor, for provenance. */
	java.util.Map<String, Object> settings();

}
