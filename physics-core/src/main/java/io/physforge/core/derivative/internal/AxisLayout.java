package io.physforge.core.derivative.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;

/**
 * Where one axis sits in a row-major field: the field is {@code outer} blocks of
 * {@code n} rows of {@code inner} contiguous values, and the axis index moves by
 * {@code inner} in the flat array. Built by {@link #of}, which also checks the common
 * arguments of every differentiator.
 *
 * @param axis the axis differentiated along
 * @param n points along the axis
 * @param inner stride of the axis (product of the sizes of the later axes)
 * @param outer product of the sizes of the earlier axes
 */
public record AxisLayout(Axis axis, int n, int inner, int outer) {

	/** Highest derivative order any differentiator supports. */
	public static final int MAX_ORDER = 4;

	/**
	 * Checks the arguments of {@code differentiate} and locates the axis.
	 * @param method differentiator name, for messages
	 * @throws NullPointerException if an argument is null
	 * @throws IllegalArgumentException on a size mismatch, an unknown axis or an order
	 * outside 1..4
	 */
	public static AxisLayout of(String method, Grid grid, double[] values, String axisName, int order) {
		Objects.requireNonNull(grid, "grid");
		Objects.requireNonNull(values, "values");
		Objects.requireNonNull(axisName, "axis");
		checkOrder(method, order);
		if (values.length != grid.size()) {
			throw new IllegalArgumentException(method + ": values have " + values.length + " entries but grid " + grid
					+ " has " + grid.size() + " points; pass the flat row-major values of one field on this grid");
		}
		int dim = grid.indexOf(axisName);
		if (dim < 0) {
			List<String> names = new ArrayList<>();
			for (Axis a : grid.axes()) {
				names.add(a.name());
			}
			throw new IllegalArgumentException(
					method + ": no axis '" + axisName + "' in grid " + grid + "; known axes are " + names);
		}
		int n = grid.shape()[dim];
		int inner = grid.stride(dim);
		int outer = grid.size() / (n * inner);
		return new AxisLayout(grid.axes().get(dim), n, inner, outer);
	}

	/**
	 * Throws a clear error unless {@code order} is 1 to {@value #MAX_ORDER}.
	 * @param method differentiator name, for messages
	 */
	public static void checkOrder(String method, int order) {
		if (order < 1 || order > MAX_ORDER) {
			throw new IllegalArgumentException(
					method + ": derivative order " + order + " is not supported; use an order from 1 to " + MAX_ORDER);
		}
	}

	/** Throws a clear error when the axis has fewer than {@code needed} points. */
	public void requirePoints(String method, int needed, String why) {
		if (this.n < needed) {
			throw new IllegalArgumentException(
					method + ": axis '" + this.axis.name() + "' has " + this.n + " points but " + why
							+ " needs at least " + needed + "; use a smaller stencil or window, or a finer grid");
		}
	}

}
