package io.physforge.core.io.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.io.InvalidDataException;
import io.physforge.core.io.LimitExceededException;
import io.physforge.core.io.ReadLimits;
import io.physforge.core.io.ReadOptions;

/**
 * Long-form CSV: a header naming the coordinate columns ({@code t, x, ...} or aliases)
 * and the field columns, then one row per grid point in any order. The rows are streamed
 * into one growing column per name; the grid is the sorted distinct values of each
 * coordinate column, and every grid point must appear exactly once. Rows already in
 * row-major grid order (the usual case) are used in place, without a second copy.
 *
 * <p>
 * Separators: comma, tab or semicolon (chosen from the header). Blank lines and lines
 * starting with {@code #} are skipped.
 */
public final class CsvReader {

	private final Path file;

	private final ReadOptions options;

	private final ReadLimits limits;

	private CsvReader(Path file, ReadOptions options, ReadLimits limits) {
		this.file = file;
		this.options = options;
		this.limits = limits;
	}

	public static Field read(Path file, ReadOptions options, ReadLimits limits) throws IOException {
		return new CsvReader(file, options, limits).run();
	}

	private Field run() throws IOException {
		try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			BoundedLines in = new BoundedLines(reader, this.limits.maxLineLength());
			int[] lineNo = { 0 };
			try {
				return run(in, lineNo);
			}
			catch (BoundedLines.LineTooLongException ex) {
				throw new LimitExceededException(this.file, "line " + (lineNo[0] + 1),
						"the line is longer than " + this.limits.maxLineLength() + " characters",
						"write the long form (one row per grid point, a few columns)", "maxLineLength",
						this.limits.maxLineLength());
			}
		}
	}

	private Field run(BoundedLines in, int[] lineCounter) throws IOException {
		int lineNo = 0;
		String line;
		String header = null;
		while ((line = in.next()) != null) {
			lineNo++;
			lineCounter[0] = lineNo;
			if (!skip(line)) {
				header = line;
				break;
			}
		}
		if (header == null) {
			throw error("", "the file has no header and no data (only blank or comment lines)",
					"write a header such as t,x,u and one row per grid point");
		}
		int headerLine = lineNo;
		char sep = header.indexOf(',') >= 0 ? ','
				: header.indexOf('\t') >= 0 ? '\t' : header.indexOf(';') >= 0 ? ';' : ',';
		long columns = header.chars().filter((ch) -> ch == sep).count() + 1;
		if (columns > this.limits.maxCsvColumns()) {
			throw new LimitExceededException(this.file, "line " + headerLine, "the header has " + columns + " columns",
					"write the long form: a header such as t,x,u, then one row per grid point", "maxCsvColumns",
					this.limits.maxCsvColumns());
		}
		String[] names = split(header, sep);
		for (int c = 0; c < names.length; c++) {
			names[c] = unquote(names[c].trim());
			if (names[c].startsWith("\uFEFF")) {
				names[c] = names[c].substring(1);
			}
		}
		checkHeader(names, headerLine);
		List<String> axisNames = new ArrayList<>();
		List<Integer> axisCols = new ArrayList<>();
		for (Map.Entry<String, List<String>> e : Names.AXIS_ALIASES.entrySet()) {
			String mapped = this.options.coordinates().get(e.getKey());
			int col = mapped != null ? column(names, mapped, "coordinate " + e.getKey(), headerLine) : -1;
			for (int k = 0; col < 0 && k < e.getValue().size(); k++) {
				col = Arrays.asList(names).indexOf(e.getValue().get(k));
			}
			if (col >= 0) {
				axisNames.add(e.getKey());
				axisCols.add(col);
			}
		}
		if (axisCols.isEmpty()) {
			throw error("line " + headerLine,
					"no coordinate column in the header " + Arrays.toString(names)
							+ " (looked for t, x, y, z and aliases such as tt, time)",
					"name the coordinate columns t, x, ... or map them: --coords t=" + names[0]);
		}
		LinkedHashMap<String, Integer> fieldCols = fieldColumns(names, axisCols, headerLine);
		int rank = axisCols.size();
		int nf = fieldCols.size();
		Column[] coords = new Column[rank];
		for (int a = 0; a < rank; a++) {
			coords[a] = new Column();
		}
		Column[] fields = new Column[nf];
		for (int f = 0; f < nf; f++) {
			fields[f] = new Column();
		}
		int[] fieldIndex = fieldCols.values().stream().mapToInt(Integer::intValue).toArray();
		String[] fieldNames = fieldCols.keySet().toArray(new String[0]);
		int[] lines = new int[1024];
		int rows = 0;
		String[] cells = new String[names.length];
		long perRow = rank + nf;
		while ((line = in.next()) != null) {
			lineNo++;
			lineCounter[0] = lineNo;
			if (skip(line)) {
				continue;
			}
			checkRows(rows + 1L, perRow, lineNo);
			int count = splitInto(line, sep, cells);
			if (count != names.length) {
				throw error("line " + lineNo,
						"the row has " + count + " cells but the header has " + names.length + " (ragged row)",
						"give every row one value per header column");
			}
			for (int a = 0; a < rank; a++) {
				coords[a].add(parse(cells[axisCols.get(a)], lineNo, names[axisCols.get(a)]));
			}
			for (int f = 0; f < nf; f++) {
				fields[f].add(parse(cells[fieldIndex[f]], lineNo, names[fieldIndex[f]]));
			}
			if (rows == lines.length) {
				lines = Arrays.copyOf(lines, rows * 2);
			}
			lines[rows++] = lineNo;
		}
		if (rows == 0) {
			throw error("line " + headerLine, "the file has a header " + Arrays.toString(names) + " but no data rows",
					"add one row per grid point under the header");
		}
		return build(axisNames, coords, fieldNames, fields, rows, lines);
	}

	private void checkRows(long rows, long perRow, int lineNo) {
		if (rows > this.limits.maxValuesPerArray() || rows * perRow > this.limits.maxTotalValues()) {
			boolean column = rows > this.limits.maxValuesPerArray();
			throw new LimitExceededException(this.file, "line " + lineNo,
					"the file has more than " + (rows - 1) + " rows of " + perRow + " values",
					"split the data set into smaller files or coarsen the grid",
					column ? "maxValuesPerArray" : "maxTotalValues",
					column ? this.limits.maxValuesPerArray() : this.limits.maxTotalValues());
		}
	}

	private void checkHeader(String[] names, int headerLine) {
		Map<String, Integer> seen = new HashMap<>();
		for (int c = 0; c < names.length; c++) {
			if (names[c].isEmpty()) {
				throw error("line " + headerLine + ", column " + (c + 1), "the header has an empty column name",
						"name every column, for example t,x,u");
			}
			if (isNumber(names[c])) {
				throw error("line " + headerLine,
						"the first line holds numbers, not column names (a header is required; wide tables with"
								+ " coordinates in the first row are not read)",
						"write the long form: a header such as t,x,u, then one row per grid point");
			}
			if (seen.putIfAbsent(names[c], c) != null) {
				throw error("line " + headerLine, "the column name '" + names[c] + "' appears twice",
						"give every column its own name");
			}
		}
	}

	private LinkedHashMap<String, Integer> fieldColumns(String[] names, List<Integer> axisCols, int headerLine) {
		LinkedHashMap<String, Integer> out = new LinkedHashMap<>();
		if (!this.options.fields().isEmpty()) {
			for (Map.Entry<String, String> e : this.options.fields().entrySet()) {
				out.put(e.getKey(), column(names, e.getValue(), "field " + e.getKey(), headerLine));
			}
			return out;
		}
		List<Integer> rest = new ArrayList<>();
		for (int c = 0; c < names.length; c++) {
			if (!axisCols.contains(c)) {
				rest.add(c);
			}
		}
		if (rest.isEmpty()) {
			throw error("line " + headerLine,
					"no field column: every column of " + Arrays.toString(names) + " is a coordinate",
					"add a column with the field values, for example t,x,u");
		}
		List<String> given = this.options.fieldNames();
		if (!given.isEmpty() && given.size() != rest.size()) {
			throw error(
					"line " + headerLine, "the file has " + rest.size() + " field columns but --fields gives "
							+ given.size() + " names " + given,
					"give one name per field column, or map them: --fields u=" + names[rest.get(0)]);
		}
		for (int k = 0; k < rest.size(); k++) {
			int c = rest.get(k);
			String name = given.isEmpty() ? Names.fieldNameFor(names[c]) : given.get(k);
			if (!ReadOptions.isValidFieldName(name)) {
				throw error("line " + headerLine + ", column '" + names[c] + "'",
						"the column name '" + names[c]
								+ "' cannot be a field name (a letter, then letters or digits; not t, x, y, z)",
						"map it: --fields u=" + names[c]);
			}
			if (out.containsKey(name)) {
				throw error("line " + headerLine,
						"the columns '" + names[out.get(name)] + "' and '" + names[c]
								+ "' would both become the field '" + name + "', which is ambiguous",
						"choose one: --fields " + name + "=" + names[c]);
			}
			out.put(name, c);
		}
		return out;
	}

	private Field build(List<String> axisNames, Column[] coords, String[] fieldNames, Column[] fields, int rows,
			int[] lines) {
		int rank = coords.length;
		double[][] unique = new double[rank][];
		long total = 1;
		for (int a = 0; a < rank; a++) {
			double[] sorted = Arrays.copyOf(coords[a].values, rows);
			Arrays.sort(sorted);
			int n = 0;
			for (int i = 0; i < rows; i++) {
				if (n == 0 || sorted[i] != sorted[n - 1]) {
					sorted[n++] = sorted[i];
				}
			}
			unique[a] = Arrays.copyOf(sorted, n);
			total *= n;
		}
		if (total > Integer.MAX_VALUE - 8) {
			throw error("", "the coordinates span a grid of " + total + " points, more than one Java array",
					"check the coordinate columns; split the data set");
		}
		int size = (int) total;
		int[] strides = new int[rank];
		int s = 1;
		for (int a = rank - 1; a >= 0; a--) {
			strides[a] = s;
			s *= unique[a].length;
		}
		BitSet seen = new BitSet(size);
		boolean inOrder = rows == size;
		int[] target = null;
		for (int r = 0; r < rows; r++) {
			int idx = gridIndex(coords, unique, strides, r);
			if (seen.get(idx)) {
				int first = 0;
				while (gridIndex(coords, unique, strides, first) != idx) {
					first++;
				}
				throw error(
						"line " + lines[r], "duplicate grid point " + pointText(axisNames, coords, r)
								+ ", first given on line " + lines[first],
						"give every grid point once (average or drop repeated measurements)");
			}
			seen.set(idx);
			if (inOrder && idx != r) {
				inOrder = false;
			}
		}
		if (rows < size) {
			int missing = seen.nextClearBit(0);
			StringJoiner p = new StringJoiner(", ");
			int rest = missing;
			for (int a = 0; a < rank; a++) {
				p.add(axisNames.get(a) + "=" + unique[a][rest / strides[a]]);
				rest %= strides[a];
			}
			StringJoiner shape = new StringJoiner(" x ");
			for (int a = 0; a < rank; a++) {
				shape.add(axisNames.get(a) + "[" + unique[a].length + "]");
			}
			throw error("",
					"the rows do not fill a rectilinear grid: " + (size - rows) + " of the " + size + " grid points of "
							+ shape + " are missing (ragged grid), for example the missing grid point " + p,
					"give a value at every combination of the coordinate values (no gaps)");
		}
		List<Axis> axes = new ArrayList<>();
		for (int a = 0; a < rank; a++) {
			axes.add(new Axis(axisNames.get(a), unique[a]));
		}
		if (!inOrder) {
			target = new int[rows];
			for (int r = 0; r < rows; r++) {
				target[r] = gridIndex(coords, unique, strides, r);
			}
		}
		for (int a = 0; a < rank; a++) {
			coords[a] = null;
		}
		LinkedHashMap<String, double[]> values = new LinkedHashMap<>();
		for (int f = 0; f < fields.length; f++) {
			double[] col = fields[f].values;
			fields[f] = null;
			double[] v;
			if (target == null) {
				v = (col.length == size) ? col : Arrays.copyOf(col, size);
			}
			else {
				v = new double[size];
				for (int r = 0; r < rows; r++) {
					v[target[r]] = col[r];
				}
			}
			values.put(fieldNames[f], v);
		}
		return new Field(new Grid(axes), values);
	}

	private static int gridIndex(Column[] coords, double[][] unique, int[] strides, int row) {
		int idx = 0;
		for (int a = 0; a < coords.length; a++) {
			idx += Arrays.binarySearch(unique[a], coords[a].values[row]) * strides[a];
		}
		return idx;
	}

	private static String pointText(List<String> axisNames, Column[] coords, int row) {
		StringJoiner j = new StringJoiner(", ", "(", ")");
		for (int a = 0; a < coords.length; a++) {
			j.add(axisNames.get(a) + "=" + coords[a].values[row]);
		}
		return j.toString();
	}

	private double parse(String cell, int lineNo, String column) {
		String c = cell.trim();
		if (c.isEmpty()) {
			throw error("line " + lineNo + ", column '" + column + "'", "the cell is empty (missing value)",
					"give a number in every cell; fill or interpolate gaps before loading");
		}
		double v;
		try {
			v = Double.parseDouble(c);
		}
		catch (NumberFormatException ex) {
			throw error("line " + lineNo + ", column '" + column + "'", "the cell '" + c + "' is not a number",
					"write plain decimal numbers such as 0.25 or -1.5e-3 (no units, no thousands separators)");
		}
		if (!Double.isFinite(v)) {
			throw error("line " + lineNo + ", column '" + column + "'", "the value '" + c + "' is non-finite",
					"replace NaN/Infinity by measured values, or crop the data set to the region without them");
		}
		return v;
	}

	private int column(String[] names, String name, String role, int headerLine) {
		int c = Arrays.asList(names).indexOf(name);
		if (c < 0) {
			throw error("line " + headerLine, "no column named '" + name + "' (asked for as " + role
					+ "); the columns are " + Arrays.toString(names), "use one of the column names");
		}
		return c;
	}

	private static boolean skip(String line) {
		String t = line.strip();
		return t.isEmpty() || t.startsWith("#");
	}

	private static boolean isNumber(String s) {
		char first = s.isEmpty() ? ' ' : s.charAt(0);
		if (Character.isLetter(first) && first != 'N' && first != 'I') {
			// not a number, without the cost of an exception per column name
			return false;
		}
		try {
			Double.parseDouble(s);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String unquote(String s) {
		return (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) ? s.substring(1, s.length() - 1) : s;
	}

	private static String[] split(String line, char sep) {
		List<String> out = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= line.length(); i++) {
			if (i == line.length() || line.charAt(i) == sep) {
				out.add(line.substring(start, i));
				start = i + 1;
			}
		}
		return out.toArray(new String[0]);
	}

	/** Splits into {@code cells}; returns the number of cells (may exceed the array). */
	private static int splitInto(String line, char sep, String[] cells) {
		int n = 0;
		int start = 0;
		for (int i = 0; i <= line.length(); i++) {
			if (i == line.length() || line.charAt(i) == sep) {
				if (n < cells.length) {
					cells[n] = line.substring(start, i);
				}
				n++;
				start = i + 1;
			}
		}
		return n;
	}

	private InvalidDataException error(String location, String problem, String fix) {
		return new InvalidDataException(this.file, location, problem, fix);
	}

	/** A growing column of doubles. */
	private static final class Column {

		double[] values = new double[1024];

		int size;

		void add(double v) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size + (this.size >> 1) + 1);
			}
			this.values[this.size++] = v;
		}

	}

}
