package io.physforge.core.field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rectilinear grid: an ordered list of axes. Values on the grid are stored row-major,
 * the last axis varying fastest, so the flat index of {@code (i0, i1, ..., ik)} is
 * {@code sum(i_j * stride(j))}. Axes are kept in canonical order {@code t, x, y, z} (time
 * first) by the readers and simulators.
 */
public final class Grid {

	/** Canonical axis names, in canonical order. */
	public static final List<String> CANONICAL_AXES = List.of("t", "x", "y", "z");

	private final List<Axis> axes;

	private final int[] shape;

	private final int[] strides;

	private final int size;

	public Grid(List<Axis> axes) {
		Objects.requireNonNull(axes, "axes");
		if (axes.isEmpty()) {
			throw new IllegalArgumentException("a grid needs at least one axis");
		}
		Set<String> names = new HashSet<>();
		for (Axis axis : axes) {
			if (!names.add(axis.name())) {
				throw new IllegalArgumentException("axis '" + axis.name() + "' appears twice");
			}
		}
		this.axes = Collections.unmodifiableList(new ArrayList<>(axes));
		this.shape = new int[axes.size()];
		this.strides = new int[axes.size()];
		long total = 1;
		for (int i = axes.size() - 1; i >= 0; i--) {
			this.shape[i] = axes.get(i).size();
			this.strides[i] = (int) total;
			total *= this.shape[i];
			if (total > Integer.MAX_VALUE - 8) {
				throw new IllegalArgumentException("grid of " + total + "+ points is larger than one Java array");
			}
		}
		this.size = (int) total;
	}

	public static Grid of(Axis... axes) {
		return new Grid(List.of(axes));
	}

	public List<Axis> axes() {
		return this.axes;
	}

	public int rank() {
		return this.axes.size();
	}

	public int[] shape() {
		return this.shape.clone();
	}

	/** Number of points in the grid. */
	public int size() {
		return this.size;
	}

	/** Row-major stride of dimension {@code dim}. */
	public int stride(int dim) {
		return this.strides[dim];
	}

	/** Position of the named axis, or -1. */
	public int indexOf(String axisName) {
		for (int i = 0; i < this.axes.size(); i++) {
			if (this.axes.get(i).name().equals(axisName)) {
				return i;
			}
		}
		return -1;
	}

	public boolean hasAxis(String axisName) {
		return indexOf(axisName) >= 0;
	}

	/**
	 * The named axis; an {@link IllegalArgumentException} naming the known axes if
	 * absent.
	 */
	public Axis axis(String axisName) {
		int i = indexOf(axisName);
		if (i < 0) {
			throw new IllegalArgumentException("no axis '" + axisName + "' in grid " + this);
		}
		return this.axes.get(i);
	}

	/**
	 * The names of the spatial axes (every axis but {@code t}), in order, for discovery
	 * of a PDE {@code u_t = f(u, u_x, ...)}.
	 * @throws IllegalArgumentException saying how to fix it when the grid has no time
	 * axis {@code t} or no spatial axis
	 */
	public List<String> requireTimeAndSpace() {
		if (!hasAxis("t")) {
			throw new IllegalArgumentException("the data set has no time axis 't' (axes are " + this.axes
					+ "); name the time coordinate t (CLI: --coords t=NAME,...)");
		}
		List<String> spatial = new ArrayList<>();
		for (Axis axis : this.axes) {
			if (!axis.name().equals("t")) {
				spatial.add(axis.name());
			}
		}
		if (spatial.isEmpty()) {
			throw new IllegalArgumentException(
					"the data set has only a time axis; discovery of a PDE needs at least one spatial axis x, y or z");
		}
		return List.copyOf(spatial);
	}

	/** Flat row-major index of a multi-index. */
	public int flatIndex(int... index) {
		if (index.length != this.shape.length) {
			throw new IllegalArgumentException("expected " + this.shape.length + " indices, got " + index.length);
		}
		int flat = 0;
		for (int i = 0; i < index.length; i++) {
			flat += index[i] * this.strides[i];
		}
		return flat;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Grid other && this.axes.equals(other.axes);
	}

	@Override
	public int hashCode() {
		return this.axes.hashCode();
	}

	@Override
	public String toString() {
		return this.axes.toString();
	}

}
