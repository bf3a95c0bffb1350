package io.physforge.core.derivative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;

/**
 * Derivatives over several axes built from single-axis ones.
 */
public final class Derivatives {

	private Derivatives() {
	}

	/**
	 * A mixed partial derivative such as {@code u_xy} ({@code {x=1, y=1}}) or
	 * {@code u_xxy} ({@code {x=2, y=1}}), computed by differentiating along one axis
	 * after another, in grid axis order. For smooth data the partial derivatives commute,
	 * so the order only changes rounding; the error is the sum of the single-axis errors.
	 * With one entry this is {@link Differentiator#differentiate}.
	 * @param differentiator method used along every axis
	 * @param grid grid of the values
	 * @param values flat row-major values (not modified)
	 * @param ordersByAxis derivative order per axis name, each 1 to 4; not empty
	 * @return a new array of {@code grid.size()} values
	 * @throws IllegalArgumentException for an empty map, an unknown axis or an order
	 * outside 1..4 (checked before any work)
	 */
	public static double[] mixed(Differentiator differentiator, Grid grid, double[] values,
			Map<String, Integer> ordersByAxis) {
		Objects.requireNonNull(differentiator, "differentiator");
		Objects.requireNonNull(grid, "grid");
		Objects.requireNonNull(values, "values");
		Map<String, Integer> ordered = inGridOrder(grid, ordersByAxis);
		double[] result = values;
		for (Map.Entry<String, Integer> e : ordered.entrySet()) {
			result = differentiator.differentiate(grid, result, e.getKey(), e.getValue());
		}
		return result;
	}

	/**
	 * Points to trim at each end of each axis for a mixed derivative: per axis,
	 * {@link Differentiator#unreliableEdge(int)} of that axis's order.
	 */
	public static Map<String, Integer> unreliableEdges(Differentiator differentiator,
			Map<String, Integer> ordersByAxis) {
		Objects.requireNonNull(differentiator, "differentiator");
		Objects.requireNonNull(ordersByAxis, "ordersByAxis");
		Map<String, Integer> edges = new LinkedHashMap<>();
		ordersByAxis.forEach((axis, order) -> edges.put(axis, differentiator.unreliableEdge(order)));
		return edges;
	}

	/**
	 * The orders of a canonical derivative suffix: {@code "xxy"} (from {@code u_xxy})
	 * gives {@code {x=2, y=1}}, in order of first appearance.
	 * @throws IllegalArgumentException for an empty suffix or a character that is not an
	 * axis letter
	 */
	public static Map<String, Integer> ordersOf(String suffix) {
		Objects.requireNonNull(suffix, "suffix");
		if (suffix.isEmpty()) {
			throw new IllegalArgumentException("empty derivative suffix; expected axis letters such as 'xx' or 'xy'");
		}
		Map<String, Integer> orders = new LinkedHashMap<>();
		for (int i = 0; i < suffix.length(); i++) {
			char c = suffix.charAt(i);
			if (!Character.isLetter(c)) {
				throw new IllegalArgumentException("derivative suffix '" + suffix + "' has '" + c + "' at position " + i
						+ "; expected only axis letters such as 'xx' or 'xy'");
			}
			orders.merge(String.valueOf(c), 1, Integer::sum);
		}
		return orders;
	}

	private static Map<String, Integer> inGridOrder(Grid grid, Map<String, Integer> ordersByAxis) {
		Objects.requireNonNull(ordersByAxis, "ordersByAxis");
		if (ordersByAxis.isEmpty()) {
			throw new IllegalArgumentException("no derivative asked for: ordersByAxis is empty; give e.g. {x=1, y=1}");
		}
		List<String> names = new ArrayList<>();
		for (Axis a : grid.axes()) {
			names.add(a.name());
		}
		for (Map.Entry<String, Integer> e : ordersByAxis.entrySet()) {
			if (!names.contains(e.getKey())) {
				throw new IllegalArgumentException(
						"no axis '" + e.getKey() + "' in grid " + grid + "; known axes are " + names);
			}
			Integer order = e.getValue();
			if (order == null || order < 1 || order > 4) {
				throw new IllegalArgumentException("derivative order " + order + " along axis '" + e.getKey()
						+ "' is not supported; use an order from 1 to 4");
			}
		}
		Map<String, Integer> ordered = new LinkedHashMap<>();
		for (String name : names) {
			if (ordersByAxis.containsKey(name)) {
				ordered.put(name, ordersByAxis.get(name));
			}
		}
		return ordered;
	}

}
