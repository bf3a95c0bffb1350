package io.physforge.core.weak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;

/**
 * The PDE-FIND reference data (system property {@code physforge.datasets}, else the first
 * {@code shared/datasets} folder above the working directory), their true equations, and
 * seeded noise {@code u + level * std(u) * N(0, 1)} ({@link Noise}).
 */
final class WeakTestData {

	static final Map<String, Map<String, Double>> TRUTH = Map.of("burgers", Map.of("u*u_x", -1.0, "u_xx", 0.1), "kdv",
			Map.of("u*u_x", -6.0, "u_xxx", -1.0), "kuramoto_sivashinsky",
			Map.of("u*u_x", -1.0, "u_xx", -1.0, "u_xxxx", -1.0));

	private static final Map<String, Field> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

	private WeakTestData() {
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

	/** A PDE-FIND data set by name ({@code burgers}, {@code kdv}, ...), read once. */
	static Field read(String name) {
		return CACHE.computeIfAbsent(name, (n) -> DataSets.read(datasets().resolve("pde-find").resolve(n + ".npz")));
	}

	static Field noisy(Field field, double level, long seed) {
		return Noise.add(field, level, seed);
	}

	/** Largest relative coefficient error over the true terms (1 for a missing term). */
	static double maxRelativeError(Map<String, Double> found, Map<String, Double> truth) {
		double err = 0;
		for (Map.Entry<String, Double> e : truth.entrySet()) {
			Double v = found.get(e.getKey());
			err = Math.max(err, (v == null) ? 1.0 : Math.abs(v - e.getValue()) / Math.abs(e.getValue()));
		}
		return err;
	}

}
