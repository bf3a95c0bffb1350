package io.physforge.core.field;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named coordinate axis of a rectilinear grid: strictly increasing values, with the
 * spacing known when the axis is uniform.
 *
 * @param name canonical axis name ({@code t}, {@code x}, {@code y} or {@code z})
 * @param values strictly increasing coordinate values (defensively copied)
 */
public record Axis(String name, double[] values) {

	/** Relative tolerance under which an axis counts as uniformly spaced. */
	public static final double UNIFORM_TOLERANCE = 1e-6;

	public Axis {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(values, "values");
		if (values.length < 1) {
			throw new IllegalArgumentException("axis '" + name + "' has no points");
		}
		values = values.clone();
		for (int i = 0; i < values.length; i++) {
			if (!Double.isFinite(values[i])) {
				throw new IllegalArgumentException(
						"axis '" + name + "' has a non-finite value " + values[i] + " at index " + i);
			}
			if (i > 0 && !(values[i] > values[i - 1])) {
				throw new IllegalArgumentException("axis '" + name + "' is not strictly increasing at index " + i + " ("
						+ values[i - 1] + " then " + values[i] + "); sort the coordinate or remove duplicates");
			}
		}
	}

	/** A uniform axis {@code start + i * step}, {@code i = 0 .. n-1}. */
	public static Axis uniform(String name, double start, double step, int n) {
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			v[i] = start + i * step;
		}
		return new Axis(name, v);
	}

	public int size() {
		return this.values.length;
	}

	/** The coordinate at index {@code i}. */
	public double at(int i) {
		return this.values[i];
	}

	@Override
	public double[] values() {
		return this.values.clone();
	}

	/** Whether all steps agree within {@link #UNIFORM_TOLERANCE} of the mean step. */
	public boolean isUniform() {
		if (this.values.length < 3) {
			return true;
		}
		double mean = (this.values[this.values.length - 1] - this.values[0]) / (this.values.length - 1);
		for (int i = 1; i < this.values.length; i++) {
			double step = this.values[i] - this.values[i - 1];
			if (Math.abs(step - mean) > UNIFORM_TOLERANCE * Math.abs(mean)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The mean step {@code (last - first) / (n - 1)}; the exact spacing when
	 * {@link #isUniform()}. {@code NaN} for a single-point axis.
	 */
	public double spacing() {
		return this.values.length < 2 ? Double.NaN
				: (this.values[this.values.length - 1] - this.values[0]) / (this.values.length - 1);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Axis other && this.name.equals(other.name) && Arrays.equals(this.values, other.values);
	}

	@Override
	public int hashCode() {
		return 31 * this.name.hashCode() + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		return this.name + "[" + this.values.length + "]";
	}

}
