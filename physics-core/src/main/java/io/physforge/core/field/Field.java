package io.physforge.core.field;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One or more named real fields sampled on the same rectilinear {@link Grid}: the data
 * set every part of the discovery pipeline works on. Complex data is stored as two real
 * fields (for example {@code u} and {@code v} for {@code psi = u + i v}).
 *
 * <p>
 * Each field is one flat row-major {@code double[]} of {@link Grid#size()} values, the
 * last axis varying fastest. The arrays are owned by the field and never copied on access
 * ({@link #values(String)} returns the live array, so that a 10^7-point data set is held
 * once); callers must not modify them.
 */
public final class Field {

	private final Grid grid;

	private final Map<String, double[]> values;

	/**
	 * @param grid the grid the values live on
	 * @param values field name to flat row-major values, in field order (copied as a map,
	 * not as arrays)
	 */
	public Field(Grid grid, Map<String, double[]> values) {
		this.grid = Objects.requireNonNull(grid, "grid");
		Objects.requireNonNull(values, "values");
		if (values.isEmpty()) {
			throw new IllegalArgumentException("a data set needs at least one field");
		}
		LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
		for (Map.Entry<String, double[]> e : values.entrySet()) {
			String name = e.getKey();
			double[] v = Objects.requireNonNull(e.getValue(), name);
			if (grid.hasAxis(name)) {
				throw new IllegalArgumentException("field '" + name + "' has the name of an axis");
			}
			if (v.length != grid.size()) {
				throw new IllegalArgumentException("field '" + name + "' has " + v.length + " values but the grid "
						+ grid + " has " + grid.size() + " points");
			}
			copy.put(name, v);
		}
		this.values = Collections.unmodifiableMap(copy);
	}

	/** A single-field data set. */
	public static Field of(Grid grid, String name, double[] values) {
		return new Field(grid, Map.of(name, values));
	}

	public Grid grid() {
		return this.grid;
	}

	/** Field names in field order. */
	public List<String> fieldNames() {
		return List.copyOf(this.values.keySet());
	}

	public boolean hasField(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * The live flat values of the named field (not a copy: do not modify).
	 * @throws IllegalArgumentException naming the known fields if absent
	 */
	public double[] values(String name) {
		double[] v = this.values.get(name);
		if (v == null) {
			throw new IllegalArgumentException("no field '" + name + "'; fields are " + this.values.keySet());
		}
		return v;
	}

	/** Value of field {@code name} at a multi-index. */
	public double value(String name, int... index) {
		return values(name)[this.grid.flatIndex(index)];
	}

	/** All fields, in order (live arrays). */
	public Map<String, double[]> asMap() {
		return this.values;
	}

	/** A new data set on the same grid with the given fields replaced or added. */
	public Field with(String name, double[] newValues) {
		LinkedHashMap<String, double[]> m = new LinkedHashMap<>(this.values);
		m.put(name, newValues);
		return new Field(this.grid, m);
	}

	@Override
	public String toString() {
		return "Field" + this.values.keySet() + " on " + this.grid;
	}

}
