package io.physforge.core.derivative;

import java.util.Map;

import io.physforge.core.field.Grid;

/**
 * Numerical derivative of a field along one axis of its rectilinear grid.
 *
 * <p>
 * The values are one field, flat and row-major on {@code grid} (last axis fastest, see
 * {@link Grid}); the derivative is taken along {@code axis} independently on every line
 * of the other axes. Implementations are immutable and thread-safe, never modify the
 * input, and return a new array of the same length. They cost one result array of memory
 * (plus at most one axis line of scratch) and time linear in the number of points.
 *
 * <p>
 * Bad arguments fail before any work with an {@link IllegalArgumentException} that says
 * what is wrong and how to fix it: derivative order outside {@code 1..4}, an axis the
 * grid does not have, values whose length differs from {@link Grid#size()}, an axis too
 * short for the method's stencil or window, or (for methods that need it) a non-uniform
 * axis. Null arguments throw {@link NullPointerException}. Non-finite values are not
 * checked; they spread to the points whose stencil touches them.
 */
public interface Differentiator {

	/**
	 * The {@code order}-th partial derivative of {@code values} with respect to
	 * {@code axis}.
	 * @param grid the grid the values live on
	 * @param values flat row-major values, {@code grid.size()} of them (not modified)
	 * @param axis name of the axis to differentiate along
	 * @param order derivative order, 1 to 4
	 * @return a new array of {@code grid.size()} derivative values
	 */
	double[] differentiate(Grid grid, double[] values, String axis, int order);

	/**
	 * Number of points at each end of the differentiated axis where the estimate of an
	 * {@code order}-th derivative is poor (one-sided stencils, edge windows) and
	 * discovery should trim. Zero for methods without edge effects.
	 * @param order derivative order, 1 to 4
	 */
	int unreliableEdge(int order);

	/**
	 * Short method name as accepted by {@link Differentiators#byName(String)}:
	 * {@code fd}, {@code poly}, {@code sg} or {@code spectral}.
	 */
	String name();

	/**
	 * The settings of this instance as the options accepted by
	 * {@link Differentiators#byName(String, Map)}, so that
	 * {@code Differentiators.byName(d.name(), d.settings())} rebuilds an equal
	 * differentiator; recorded as provenance with derived data.
	 */
	default Map<String, String> settings() {
		return Map.of();
	}

}
