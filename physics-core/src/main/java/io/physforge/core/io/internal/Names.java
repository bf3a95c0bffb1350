package io.physforge.core.io.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The names by which coordinates and the main field are recognised in files. */
public final class Names {

	/** Canonical axis to the names it goes by in files, most common first. */
	public static final Map<String, List<String>> AXIS_ALIASES;

	static {
		Map<String, List<String>> m = new LinkedHashMap<>();
		m.put("t", List.of("t", "tt", "time", "T", "ts", "times", "Time"));
		m.put("x", List.of("x", "xx", "X", "xs", "space"));
		m.put("y", List.of("y", "yy", "Y", "ys"));
		m.put("z", List.of("z", "zz", "Z", "zs"));
		AXIS_ALIASES = java.util.Collections.unmodifiableMap(m);
	}

	/** File names read as the field {@code u} (PDE-FIND's {@code usol}, {@code uu}). */
	public static final Set<String> U_ALIASES = Set.of("usol", "uu", "U", "sol", "u_sol");

	private Names() {
	}

	/** The canonical axis a file name stands for, or {@code null}. */
	public static String axisFor(String fileName) {
		for (Map.Entry<String, List<String>> e : AXIS_ALIASES.entrySet()) {
			if (e.getValue().contains(fileName)) {
				return e.getKey();
			}
		}
		return null;
	}

	/**
	 * The last path segment of an HDF5/NetCDF name ({@code "group/u"} to {@code "u"}).
	 */
	public static String baseName(String fileName) {
		int slash = fileName.lastIndexOf('/');
		return slash >= 0 ? fileName.substring(slash + 1) : fileName;
	}

	/** The default field name for a file name: {@code usol -> u}, else the base name. */
	public static String fieldNameFor(String fileName) {
		String base = baseName(fileName);
		return U_ALIASES.contains(base) ? "u" : base;
	}

}
