package io.physforge.pinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;

/**
 * What a network is fitted to: a box of coordinates, an equation (in the settings), and
 * point sets with target values for the data, initial-condition and boundary losses.
 * Forward problems give initial and boundary points and no data; inverse and denoising
 * problems give data ({@link #fromField}).
 *
 * @param inputs coordinate names, time first ({@code [t, x]})
 * @param outputs field names ({@code [u]})
 * @param lower lower corner of the box, one per input
 * @param upper upper corner of the box
 * @param data data points (may be empty)
 * @param initial initial-condition points (may be empty)
 * @param boundary boundary points (may be empty)
 * @param description what the data is, for provenance
 * @param inputSha256 hash of the data, for provenance (may be empty)
 */
public record PinnProblem(List<String> inputs, List<String> outputs, double[] lower, double[] upper, Points data,
		Points initial, Points boundary, String description, String inputSha256) {

	public PinnProblem {
		inputs = List.copyOf(inputs);
		outputs = List.copyOf(outputs);
		if (lower.length != inputs.size() || upper.length != inputs.size()) {
			throw new IllegalArgumentException("the box needs one lower and one upper bound per input " + inputs);
		}
		for (int k = 0; k < lower.length; k++) {
			if (!(upper[k] > lower[k])) {
				throw new IllegalArgumentException("the box along '" + inputs.get(k) + "' is empty: [" + lower[k] + ", "
						+ upper[k] + "]; give upper > lower");
			}
		}
		data = (data == null) ? Points.empty(inputs.size(), outputs.size()) : data;
		initial = (initial == null) ? Points.empty(inputs.size(), outputs.size()) : initial;
		boundary = (boundary == null) ? Points.empty(inputs.size(), outputs.size()) : boundary;
		for (Points p : List.of(data, initial, boundary)) {
			if (p.size() > 0
					&& (p.coordinates()[0].length != inputs.size() || p.values()[0].length != outputs.size())) {
				throw new IllegalArgumentException(
						"points need " + inputs.size() + " coordinates and " + outputs.size() + " values each");
			}
		}
		Objects.requireNonNull(description, "description");
		inputSha256 = (inputSha256 == null) ? "" : inputSha256;
	}

	/**
	 * Points with target values.
	 *
	 * @param coordinates {@code n x inputs}
	 * @param values {@code n x outputs}
	 */
	public record Points(double[][] coordinates, double[][] values) {

		public Points {
			if (coordinates.length != values.length) {
				throw new IllegalArgumentException(coordinates.length + " coordinates but " + values.length
						+ " values; give one value row per point");
			}
		}

		static Points empty(int inputs, int outputs) {
			return new Points(new double[0][inputs], new double[0][outputs]);
		}

		public int size() {
			return this.coordinates.length;
		}

	}

	/**
	 * A data-fitting problem on a gridded field: the box is the grid's extent and
	 * {@code maxPoints} grid points (all when 0 or more than the grid has) are drawn
	 * without replacement with {@code seed}, every field a network output.
	 */
	public static PinnProblem fromField(Field field, int maxPoints, long seed) {
		Grid grid = field.grid();
		grid.requireTimeAndSpace();
		List<String> inputs = new ArrayList<>();
		double[] lower = new double[grid.rank()];
		double[] upper = new double[grid.rank()];
		for (int d = 0; d < grid.rank(); d++) {
			Axis a = grid.axes().get(d);
			inputs.add(a.name());
			lower[d] = Math.min(a.at(0), a.at(a.size() - 1));
			upper[d] = Math.max(a.at(0), a.at(a.size() - 1));
		}
		int n = grid.size();
		int m = (maxPoints <= 0 || maxPoints >= n) ? n : maxPoints;
		int[] rows = sample(n, m, seed);
		List<String> outputs = field.fieldNames();
		double[][] coords = new double[m][grid.rank()];
		double[][] values = new double[m][outputs.size()];
		int[] shape = grid.shape();
		for (int i = 0; i < m; i++) {
			int flat = rows[i];
			int rest = flat;
			for (int d = grid.rank() - 1; d >= 0; d--) {
				coords[i][d] = grid.axes().get(d).at(rest % shape[d]);
				rest /= shape[d];
			}
			for (int f = 0; f < outputs.size(); f++) {
				values[i][f] = field.values(outputs.get(f))[flat];
			}
		}
		return new PinnProblem(inputs, outputs, lower, upper, new Points(coords, values), null, null,
				"field " + outputs + " on " + grid + ", " + m + " of " + n + " points", "");
	}

	/** The same problem with another provenance hash. */
	public PinnProblem withInputSha256(String sha) {
		return new PinnProblem(this.inputs, this.outputs, this.lower, this.upper, this.data, this.initial,
				this.boundary, this.description, sha);
	}

	/**
	 * {@code m} distinct indices of {@code 0..n-1}, partial Fisher-Yates with
	 * {@code seed}.
	 */
	static int[] sample(int n, int m, long seed) {
		int[] all = new int[n];
		for (int i = 0; i < n; i++) {
			all[i] = i;
		}
		if (m == n) {
			return all;
		}
		Random random = new Random(seed);
		for (int i = 0; i < m; i++) {
			int j = i + random.nextInt(n - i);
			int tmp = all[i];
			all[i] = all[j];
			all[j] = tmp;
		}
		return java.util.Arrays.copyOf(all, m);
	}

}
