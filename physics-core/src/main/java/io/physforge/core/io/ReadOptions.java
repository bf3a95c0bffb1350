package io.physforge.core.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.physforge.core.field.Grid;

/**
 * How to read a data file when the defaults are not enough. Every component may be empty:
 * the reader then detects the format from the content, finds coordinates by name and
 * takes every array shaped like the grid as a field.
 *
 * <p>
 * Field file names may address the parts of a complex array: {@code usol.re} is its real
 * part, {@code usol.im} its imaginary part (for example
 * {@code --fields u=usol.re,v=usol.im}).
 *
 * @param format the format to read the content as, or {@code null} to detect it; when
 * given, the file's extension is not checked, but the content must still be this format
 * @param coordinates canonical axis name ({@code t, x, y, z}) to the name of its
 * coordinate array or CSV column in the file
 * @param fields field name in the data set to the name of its array or column in the file
 * (in field order); when non-empty only these are read
 * @param fieldNames names to give the fields found automatically, in file order (a
 * complex array takes two names: real part, imaginary part); empty for the default names
 * @param layout the file's dimension order of the field arrays as canonical axis names
 * (for example {@code [x, t]}), needed only when two axes have the same length and the
 * file names no dimensions; empty to use the file's metadata or the axis lengths
 */
public record ReadOptions(DataFormat format, Map<String, String> coordinates, Map<String, String> fields,
		List<String> fieldNames, List<String> layout) {

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

	/** No overrides: detect everything. */
	public static final ReadOptions DEFAULTS = new ReadOptions(null, Map.of(), Map.of(), List.of(), List.of());

	public ReadOptions {
		coordinates = Collections
			.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(coordinates, "coordinates")));
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
		fieldNames = List.copyOf(Objects.requireNonNull(fieldNames, "fieldNames"));
		layout = List.copyOf(Objects.requireNonNull(layout, "layout"));
		for (Map.Entry<String, String> e : coordinates.entrySet()) {
			if (!Grid.CANONICAL_AXES.contains(e.getKey())) {
				throw new IllegalArgumentException("coordinate '" + e.getKey() + "=" + e.getValue()
						+ "': the left side must be a canonical axis " + Grid.CANONICAL_AXES + ", for example t=tt");
			}
			requireText(e.getValue(), "coordinate " + e.getKey());
		}
		for (Map.Entry<String, String> e : fields.entrySet()) {
			checkFieldName(e.getKey());
			requireText(e.getValue(), "field " + e.getKey());
		}
		Set<String> seen = new HashSet<>();
		for (String name : fieldNames) {
			checkFieldName(name);
			if (!seen.add(name)) {
				throw new IllegalArgumentException("field name '" + name + "' is given twice");
			}
		}
		if (!fields.isEmpty() && !fieldNames.isEmpty()) {
			throw new IllegalArgumentException(
					"give either a field mapping (u=usol) or a list of field names (u,v), not both");
		}
		seen.clear();
		for (String axis : layout) {
			if (!Grid.CANONICAL_AXES.contains(axis) || !seen.add(axis)) {
				throw new IllegalArgumentException("layout " + layout + " must list distinct canonical axes "
						+ Grid.CANONICAL_AXES + ", for example x,t");
			}
		}
	}

	/** Options that only force the format. */
	public static ReadOptions of(DataFormat format) {
		return DEFAULTS.withFormat(format);
	}

	/** These options with the format forced. */
	public ReadOptions withFormat(DataFormat newFormat) {
		return new ReadOptions(newFormat, this.coordinates, this.fields, this.fieldNames, this.layout);
	}

	/** These options with the file's dimension order given. */
	public ReadOptions withLayout(List<String> newLayout) {
		return new ReadOptions(this.format, this.coordinates, this.fields, this.fieldNames, newLayout);
	}

	/**
	 * Options from CLI strings; {@code null} or blank means "not given".
	 * @param coords {@code "t=tt,x=x"}: canonical axis = file name
	 * @param fields either a mapping {@code "u=usol"} / {@code "u=usol.re,v=usol.im"}, or
	 * just names for the fields found, {@code "u,v"}
	 */
	public static ReadOptions parse(String coords, String fields) {
		return parse(coords, fields, null);
	}

	/**
	 * Options from CLI strings, as {@link #parse(String, String)}, plus the file's
	 * dimension order {@code "x,t"}.
	 */
	public static ReadOptions parse(String coords, String fields, String layout) {
		Map<String, String> c = pairs(coords, "--coords", "t=tt,x=x");
		Map<String, String> f = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		if (fields != null && !fields.isBlank()) {
			if (fields.contains("=")) {
				f = pairs(fields, "--fields", "u=usol");
			}
			else {
				names = items(fields);
			}
		}
		List<String> l = (layout == null || layout.isBlank()) ? List.of() : items(layout);
		return new ReadOptions(null, c, f, names, l);
	}

	private static List<String> items(String list) {
		List<String> out = new ArrayList<>();
		for (String item : list.split(",")) {
			String s = item.trim();
			if (s.isEmpty()) {
				throw new IllegalArgumentException("empty item in '" + list + "'");
			}
			out.add(s);
		}
		return out;
	}

	private static Map<String, String> pairs(String text, String option, String example) {
		Map<String, String> out = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return out;
		}
		for (String item : items(text)) {
			int eq = item.indexOf('=');
			if (eq <= 0 || eq == item.length() - 1) {
				throw new IllegalArgumentException(option + " item '" + item
						+ "' is not NAME=FILE_NAME; write for example " + option + " " + example);
			}
			String key = item.substring(0, eq).trim();
			if (out.put(key, item.substring(eq + 1).trim()) != null) {
				throw new IllegalArgumentException(option + " names '" + key + "' twice");
			}
		}
		return out;
	}

	private static void checkFieldName(String name) {
		if (name == null || !FIELD_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("field name '" + name
					+ "' must be a letter followed by letters or digits (no '_', which marks derivatives such as u_x)");
		}
		if (Grid.CANONICAL_AXES.contains(name)) {
			throw new IllegalArgumentException("field name '" + name + "' is an axis name; choose another, such as u");
		}
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " has an empty file name");
		}
	}

	/** Whether a field name is allowed ({@code [A-Za-z][A-Za-z0-9]*}, not an axis). */
	public static boolean isValidFieldName(String name) {
		return name != null && FIELD_NAME.matcher(name).matches() && !Grid.CANONICAL_AXES.contains(name);
	}

}
