package io.physforge.core.weak;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.physforge.core.library.Term;

/**
 * The weak-form linear system {@code b = G w}: one row per test function (query point),
 * one column per candidate term, in the column layout of
 * {@link io.physforge.core.regression.SparseRegressor} ({@code columns[j][i]}).
 *
 * @param terms the included candidate terms (columns), canonical names as in the strong
 * form
 * @param columns {@code G}: {@code columns[j][i] = int psi_i * term_j}, evaluated by
 * parts
 * @param targets lhs ({@code u_t}) to {@code b}: {@code b_i = -int (d_t psi_i) u}
 * @param testFunctions the test function on each axis, in grid axis order
 * @param excluded candidate terms left out, canonical name to the reason
 */
public record WeakSystem(List<Term> terms, double[][] columns, Map<String, double[]> targets,
		List<TestFunction> testFunctions, Map<String, String> excluded) {

	public WeakSystem {
		terms = List.copyOf(terms);
		Objects.requireNonNull(columns, "columns");
		targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
		testFunctions = List.copyOf(testFunctions);
		excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
	}

	/** Number of rows (query points). */
	public int rows() {
		return (this.columns.length == 0) ? 0 : this.columns[0].length;
	}

	/** The canonical names of the columns. */
	public List<String> names() {
		return this.terms.stream().map(Term::name).toList();
	}

	/** {@code b} for one lhs ({@code u_t}). */
	public double[] target(String lhs) {
		double[] b = this.targets.get(lhs);
		if (b == null) {
			throw new IllegalArgumentException("no weak target " + lhs + "; targets are " + this.targets.keySet());
		}
		return b;
	}

}
