package io.physforge.core.io.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.io.InvalidDataException;
import io.physforge.core.io.ReadOptions;

/**
 * Turns the named arrays of a file into a {@link Field}: finds the coordinates, picks the
 * field arrays, orders their axes canonically ({@code t, x, y, z}), splits complex
 * arrays, names the fields and checks every value.
 *
 * <p>
 * A complex array whose imaginary part is negligible, {@code max|im| <= 1e-4 max|re|}, is
 * read as real: the PDE-FIND {@code .mat} files store real solutions as complex with
 * round-off imaginary parts (measured {@code max|im|/max|re|}: burgers 8.8e-9, kdv
 * 2.0e-6; nls, a true complex field, 1.0).
 */
public final class FieldAssembler {

	/** Relative size under which an imaginary part is round-off. */
	public static final double NEGLIGIBLE_IMAGINARY = 1e-4;

	private enum Part {

		WHOLE, RE, IM

	}

	private record Selection(String fieldName, ArrayInfo array, Part part) {
	}

	private record Oriented(double[] real, double[] imag, boolean complex) {
	}

	private final Path file;

	private final ArraySource source;

	private final ReadOptions options;

	private List<ArrayInfo> arrays;

	private final Map<String, ArrayInfo> byName = new LinkedHashMap<>();

	/** Canonical axis to the array holding its coordinate. */
	private final Map<String, ArrayInfo> coordinates = new LinkedHashMap<>();

	private Grid grid;

	private FieldAssembler(Path file, ArraySource source, ReadOptions options) {
		this.file = file;
		this.source = source;
		this.options = options;
	}

	/** Reads the data set held by {@code source}. */
	public static Field assemble(Path file, ArraySource source, ReadOptions options) throws IOException {
		return new FieldAssembler(file, source, options).run();
	}

	private Field run() throws IOException {
		this.arrays = this.source.arrays();
		if (this.arrays.isEmpty()) {
			throw error("", "the file holds no numeric arrays",
					"save the coordinates (t, x) and the fields (u) as numeric arrays");
		}
		for (ArrayInfo a : this.arrays) {
			this.byName.put(a.name(), a);
		}
		findCoordinates();
		List<Selection> selections = selectFields();
		Map<ArrayInfo, Oriented> oriented = new HashMap<>();
		for (Selection s : selections) {
			if (!oriented.containsKey(s.array())) {
				oriented.put(s.array(), orient(s.array(), this.source.read(s.array())));
			}
		}
		LinkedHashMap<String, double[]> values = name(selections, oriented);
		for (Map.Entry<String, double[]> e : values.entrySet()) {
			checkFinite(e.getKey(), e.getValue());
		}
		return new Field(this.grid, values);
	}

	// ---- coordinates

	private void findCoordinates() throws IOException {
		List<Axis> axes = new ArrayList<>();
		for (Map.Entry<String, List<String>> e : Names.AXIS_ALIASES.entrySet()) {
			String axis = e.getKey();
			String mapped = this.options.coordinates().get(axis);
			ArrayInfo info = null;
			if (mapped != null) {
				info = require(mapped, "coordinate " + axis);
			}
			else {
				for (String alias : e.getValue()) {
					ArrayInfo a = this.byName.get(alias);
					if (a != null && a.squeezedShape().length <= 1 && a.size() > 0) {
						info = a;
						break;
					}
				}
			}
			if (info != null) {
				this.coordinates.put(axis, info);
				axes.add(readAxis(axis, info));
			}
		}
		if (axes.isEmpty()) {
			throw error("", "no coordinate array found (looked for " + aliasText() + "); the file has " + listArrays(),
					"name the coordinate arrays, for example --coords t=time_s,x=position");
		}
		this.grid = new Grid(axes);
	}

	private Axis readAxis(String axis, ArrayInfo info) throws IOException {
		if (info.squeezedShape().length > 1) {
			throw error(info.location(),
					"the coordinate " + axis + " has shape " + info.shapeText() + "; a coordinate must be a 1-D vector",
					"name a vector with --coords " + axis + "=NAME");
		}
		ArrayData data = this.source.read(info);
		if (data.imag() != null && !negligible(data.real(), data.imag())) {
			throw error(info.location(), "the coordinate " + axis + " is complex", "store coordinates as real numbers");
		}
		double[] v = data.real();
		for (int i = 0; i < v.length; i++) {
			if (!Double.isFinite(v[i])) {
				throw error(info.location(),
						"the coordinate " + axis + " has the non-finite value " + v[i] + " at index " + i,
						"every coordinate value must be a finite number");
			}
			if (i > 0 && !(v[i] > v[i - 1])) {
				throw error(info.location(),
						"the coordinate " + axis + " is not strictly increasing at index " + i + " (" + v[i - 1]
								+ " then " + v[i] + ")",
						"sort the data along " + axis + " and remove repeated " + axis + " values");
			}
		}
		return new Axis(axis, v);
	}

	// ---- fields

	private List<Selection> selectFields() {
		List<Selection> out = new ArrayList<>();
		if (!this.options.fields().isEmpty()) {
			for (Map.Entry<String, String> e : this.options.fields().entrySet()) {
				String spec = e.getValue();
				ArrayInfo a = this.byName.get(spec);
				Part part = Part.WHOLE;
				if (a == null && (spec.endsWith(".re") || spec.endsWith(".im"))) {
					a = this.byName.get(spec.substring(0, spec.length() - 3));
					part = spec.endsWith(".re") ? Part.RE : Part.IM;
				}
				if (a == null) {
					require(spec, "field " + e.getKey());
				}
				out.add(new Selection(e.getKey(), a, part));
			}
			return out;
		}
		int[] gridShape = sortedSqueezed(this.grid.shape());
		List<ArrayInfo> mismatched = new ArrayList<>();
		for (ArrayInfo a : this.arrays) {
			if (this.coordinates.containsValue(a)) {
				continue;
			}
			if (Arrays.equals(sortedSqueezed(a.shape()), gridShape)) {
				out.add(new Selection(null, a, Part.WHOLE));
			}
			else if (a.squeezedShape().length == gridShape.length) {
				mismatched.add(a);
			}
		}
		if (out.isEmpty()) {
			String detail = mismatched.isEmpty() ? ""
					: "; " + mismatched.get(0).location() + " has shape " + mismatched.get(0).shapeText()
							+ ", which does not match the coordinate lengths (mismatched lengths)";
			throw error("",
					"no field found: no array has the grid's shape " + gridText() + "; the file has " + listArrays()
							+ detail,
					"check that the fields and coordinates belong together, or name the field with --fields u=NAME");
		}
		return out;
	}

	private LinkedHashMap<String, double[]> name(List<Selection> selections, Map<ArrayInfo, Oriented> oriented) {
		LinkedHashMap<String, double[]> values = new LinkedHashMap<>();
		Map<String, String> origin = new HashMap<>();
		if (!this.options.fields().isEmpty()) {
			for (Selection s : selections) {
				Oriented o = oriented.get(s.array());
				double[] v = switch (s.part()) {
					case WHOLE -> {
						if (o.complex()) {
							throw error(s.array().location(),
									"the array is complex, so '" + s.fieldName() + "=" + s.array().name()
											+ "' is ambiguous",
									"map its parts, for example --fields " + s.fieldName() + "=" + s.array().name()
											+ ".re,v=" + s.array().name() + ".im");
						}
						yield o.real();
					}
					case RE -> o.real();
					case IM -> {
						if (o.imag() == null) {
							throw error(s.array().location(), "the array is real; it has no imaginary part",
									"map it without the .im suffix: --fields " + s.fieldName() + "="
											+ s.array().name());
						}
						yield o.imag();
					}
				};
				put(values, origin, s.fieldName(), v, s.array().name());
			}
			return values;
		}
		List<String> partNames = new ArrayList<>();
		List<double[]> parts = new ArrayList<>();
		List<String> defaults = new ArrayList<>();
		boolean anyComplex = false;
		for (Selection s : selections) {
			Oriented o = oriented.get(s.array());
			if (o.complex()) {
				anyComplex = true;
				partNames.add(s.array().name() + ".re");
				parts.add(o.real());
				partNames.add(s.array().name() + ".im");
				parts.add(o.imag());
			}
			else {
				partNames.add(s.array().name());
				parts.add(o.real());
				defaults.add(defaultName(s.array()));
			}
		}
		List<String> names = this.options.fieldNames();
		if (!names.isEmpty()) {
			if (names.size() != parts.size()) {
				throw error("",
						"found " + parts.size() + " field arrays " + partNames + " but --fields gives " + names.size()
								+ " names " + names,
						"give one name per array (a complex array takes two: real, imaginary), or map them: --fields "
								+ "u=" + partNames.get(0));
			}
		}
		else if (anyComplex) {
			if (selections.size() > 1) {
				throw error("",
						"found several field arrays " + partNames
								+ " and some are complex; which real field is which is " + "ambiguous",
						"map them, for example --fields u=" + partNames.get(0) + ",v=" + partNames.get(1));
			}
			names = List.of("u", "v");
		}
		else {
			names = defaults;
		}
		for (int i = 0; i < parts.size(); i++) {
			put(values, origin, names.get(i), parts.get(i), partNames.get(i));
		}
		return values;
	}

	private String defaultName(ArrayInfo a) {
		String name = Names.fieldNameFor(a.name());
		if (!ReadOptions.isValidFieldName(name)) {
			throw error(a.location(),
					"the array name '" + a.name()
							+ "' cannot be a field name (a letter, then letters or digits; not t, x, y, z)",
					"name the field: --fields u=" + a.name());
		}
		return name;
	}

	private void put(Map<String, double[]> values, Map<String, String> origin, String name, double[] v, String from) {
		String previous = origin.put(name, from);
		if (previous != null) {
			throw error("",
					"the arrays '" + previous + "' and '" + from + "' would both become the field '" + name
							+ "', which is ambiguous",
					"choose one with --fields " + name + "=" + previous + " or --fields " + name + "=" + from);
		}
		values.put(name, v);
	}

	// ---- axis order

	private Oriented orient(ArrayInfo info, ArrayData data) {
		int[] shape = info.shape();
		List<Integer> src = new ArrayList<>();
		for (int i = 0; i < shape.length; i++) {
			if (shape[i] != 1) {
				src.add(i);
			}
		}
		List<Integer> target = new ArrayList<>();
		for (int j = 0; j < this.grid.rank(); j++) {
			if (this.grid.axes().get(j).size() != 1) {
				target.add(j);
			}
		}
		if (src.size() != target.size()) {
			throw mismatch(info);
		}
		int[] axisOf = assignAxes(info, src, target);
		// squeezed source shape; perm[j] = source position holding target axis j
		int[] squeezed = new int[src.size()];
		int[] perm = new int[src.size()];
		for (int k = 0; k < src.size(); k++) {
			squeezed[k] = shape[src.get(k)];
			int axis = axisOf[k];
			if (this.grid.axes().get(axis).size() != squeezed[k]) {
				throw error(info.location(),
						"its dimension " + (k + 1) + " has " + squeezed[k] + " points but the coordinate "
								+ this.grid.axes().get(axis).name() + " has " + this.grid.axes().get(axis).size()
								+ " (mismatched lengths)",
						"check that the field and its coordinates belong together");
			}
			perm[target.indexOf(axis)] = k;
		}
		double[] re = Layouts.permute(data.real(), squeezed, perm);
		double[] im = (data.imag() == null) ? null : Layouts.permute(data.imag(), squeezed, perm);
		boolean complex = im != null && !negligible(re, im);
		return new Oriented(re, complex ? im : null, complex);
	}

	/** For each non-singleton source dimension, the grid axis index it runs along. */
	private int[] assignAxes(ArrayInfo info, List<Integer> src, List<Integer> target) {
		int n = src.size();
		List<String> layout = this.options.layout();
		if (!layout.isEmpty()) {
			List<Integer> axes = new ArrayList<>();
			for (String name : layout) {
				int j = this.grid.indexOf(name);
				if (j >= 0 && target.contains(j)) {
					axes.add(j);
				}
				else if (j < 0) {
					throw error(info.location(),
							"--layout names the axis " + name + ", which the data set does not have",
							"list the axes of the grid " + gridText() + " in the file's order");
				}
			}
			if (axes.size() != n) {
				throw error(info.location(),
						"--layout " + String.join(",", layout) + " does not list the " + n + " dimensions of shape "
								+ info.shapeText(),
						"list every axis of the grid " + gridText() + " in the file's order");
			}
			return axes.stream().mapToInt(Integer::intValue).toArray();
		}
		if (info.dims() != null) {
			int[] byDims = new int[n];
			boolean ok = true;
			for (int k = 0; k < n && ok; k++) {
				String dimName = info.dims().get(src.get(k));
				int j = axisForDimension(dimName);
				ok = j >= 0 && target.contains(j);
				byDims[k] = j;
			}
			if (ok && Arrays.stream(byDims).distinct().count() == n) {
				return byDims;
			}
		}
		int[] byLength = new int[n];
		for (int k = 0; k < n; k++) {
			int len = info.shape()[src.get(k)];
			List<Integer> candidates = new ArrayList<>();
			for (int j : target) {
				if (this.grid.axes().get(j).size() == len) {
					candidates.add(j);
				}
			}
			if (candidates.isEmpty()) {
				throw mismatch(info);
			}
			if (candidates.size() > 1) {
				StringJoiner names = new StringJoiner(" and ");
				for (int j : candidates) {
					names.add(this.grid.axes().get(j).name());
				}
				throw error(info.location(),
						"the array has shape " + info.shapeText() + " and the axes " + names + " both have " + len
								+ " points, and the file does not name its dimensions, so the axis order is ambiguous",
						"pass the file's dimension order, for example --layout " + layoutExample()
								+ ", or store dimension names (NetCDF dimensions, or an HDF5 attribute dims=\""
								+ layoutExample() + "\")");
			}
			byLength[k] = candidates.get(0);
		}
		return byLength;
	}

	private String layoutExample() {
		StringJoiner j = new StringJoiner(",");
		for (Axis a : this.grid.axes()) {
			j.add(a.name());
		}
		return j.toString();
	}

	private int axisForDimension(String dimName) {
		if (dimName == null) {
			return -1;
		}
		for (Map.Entry<String, ArrayInfo> e : this.coordinates.entrySet()) {
			if (e.getValue().name().equals(dimName) || Names.baseName(e.getValue().name()).equals(dimName)) {
				return this.grid.indexOf(e.getKey());
			}
		}
		String axis = Names.axisFor(dimName);
		return axis == null ? -1 : this.grid.indexOf(axis);
	}

	// ---- checks

	private void checkFinite(String name, double[] v) {
		int bad = 0;
		int first = -1;
		for (int i = 0; i < v.length; i++) {
			if (!Double.isFinite(v[i])) {
				bad++;
				if (first < 0) {
					first = i;
				}
			}
		}
		if (bad > 0) {
			throw error("field " + name,
					bad + " of " + v.length + " values are missing or non-finite (" + v[first] + " at "
							+ pointText(first) + ")",
					"fill or interpolate the gaps, or crop the data set to the region without them");
		}
	}

	private String pointText(int flat) {
		StringJoiner j = new StringJoiner(", ");
		int rest = flat;
		for (int d = 0; d < this.grid.rank(); d++) {
			int i = rest / this.grid.stride(d);
			rest %= this.grid.stride(d);
			Axis a = this.grid.axes().get(d);
			j.add(a.name() + "=" + a.at(i));
		}
		return j.toString();
	}

	static boolean negligible(double[] re, double[] im) {
		double maxRe = 0;
		double maxIm = 0;
		for (int i = 0; i < re.length; i++) {
			maxRe = Math.max(maxRe, Math.abs(re[i]));
			maxIm = Math.max(maxIm, Math.abs(im[i]));
		}
		return maxIm <= NEGLIGIBLE_IMAGINARY * maxRe;
	}

	// ---- messages

	private ArrayInfo require(String name, String role) {
		ArrayInfo a = this.byName.get(name);
		if (a == null) {
			throw error("", "no " + this.source.entryKind() + " named '" + name + "' (asked for as " + role
					+ "); the file has " + listArrays(), "use one of the names listed");
		}
		return a;
	}

	private InvalidDataException mismatch(ArrayInfo info) {
		return error(info.location(),
				"the array has shape " + info.shapeText() + ", which fits no ordering of the grid " + gridText()
						+ " (mismatched lengths)",
				"check that the field and its coordinates belong together, or name the coordinates with --coords");
	}

	private String gridText() {
		StringJoiner j = new StringJoiner(" x ");
		for (Axis a : this.grid.axes()) {
			j.add(a.name() + "[" + a.size() + "]");
		}
		return j.toString();
	}

	private String listArrays() {
		StringJoiner j = new StringJoiner(", ");
		for (ArrayInfo a : this.arrays) {
			j.add(a.name() + " " + a.shapeText() + (a.complex() ? " complex" : ""));
		}
		return j.toString();
	}

	private static String aliasText() {
		StringJoiner j = new StringJoiner(", ");
		Names.AXIS_ALIASES.values().forEach((l) -> l.forEach(j::add));
		return j.toString();
	}

	private static int[] sortedSqueezed(int[] shape) {
		int[] s = Arrays.stream(shape).filter((d) -> d != 1).toArray();
		Arrays.sort(s);
		return s;
	}

	private InvalidDataException error(String location, String problem, String fix) {
		return new InvalidDataException(this.file, location, problem, fix);
	}

}
