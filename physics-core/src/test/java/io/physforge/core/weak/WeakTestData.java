package io.physforge.core.weak;

import java.util.Map;

import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;

/**
 * The PDE-FIND reference data (located by {@link ReferenceData}), their true equations,
 * and seeded noise {@code u + level * std(u) * N(0, 1)} ({@link Noise}).
 */
final class WeakTestData {

	static final Map<String, Map<String, Double>> TRUTH = Map.of("burgers", Map.of("u*u_x", -1.0, "u_xx", 0.1), "kdv",
			Map.of("u*u_x", -6.0, "u_xxx", -1.0), "kuramoto_sivashinsky",
			Map.of("u*u_x", -1.0, "u_xx", -1.0, "u_xxxx", -1.0));

	private static final Map<String, Field> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

	private WeakTestData() {
	}

	/** A PDE-FIND data set by name ({@code burgers}, {@code kdv}, ...), read once. */
	static Field read(String name) {
		return CACHE.computeIfAbsent(name, (n) -> DataSets.read(ReferenceData.pdeFind(n + ".npz")));
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
