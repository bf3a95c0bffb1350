package io.physforge.core.derivative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;

/**
 * Locates the shared reference data sets (system property {@code physforge.datasets},
 * else the first {@code shared/datasets} folder found walking up from the working
 * directory) and reads the long-form {@code burgers.csv} ({@code t,x,u}).
 */
final class ReferenceData {

	private ReferenceData() {
	}

	static Path datasets() {
		String property = System.getProperty("physforge.datasets");
		if (property != null && !property.isBlank()) {
			Path p = Path.of(property);
			if (!Files.isDirectory(p)) {
				throw new IllegalStateException("physforge.datasets=" + property + " is not a directory");
			}
			return p;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("datasets");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no shared/datasets folder above " + Path.of("").toAbsolutePath()
				+ "; set -Dphysforge.datasets=/path/to/shared/datasets");
	}

	/** PDE-FIND's Burgers data, {@code u(t, x)} on 101 x 256 points. */
	static Field burgers() {
		Path file = datasets().resolve("pde-find").resolve("burgers.csv");
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
		TreeSet<Double> ts = new TreeSet<>();
		TreeSet<Double> xs = new TreeSet<>();
		List<double[]> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split(",");
			double[] row = { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]) };
			ts.add(row[0]);
			xs.add(row[1]);
			rows.add(row);
		}
		double[] t = ts.stream().mapToDouble(Double::doubleValue).toArray();
		double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
		Grid grid = Grid.of(new Axis("t", t), new Axis("x", x));
		double[] u = new double[grid.size()];
		for (double[] row : rows) {
			int i = java.util.Arrays.binarySearch(t, row[0]);
			int j = java.util.Arrays.binarySearch(x, row[1]);
			u[grid.flatIndex(i, j)] = row[2];
		}
		return Field.of(grid, "u", u);
	}

}
