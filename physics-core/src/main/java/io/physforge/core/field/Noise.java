package io.physforge.core.field;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Additive Gaussian measurement noise in the convention of PDE-FIND (Rudy et al., Sci.
 * Adv. 2017): {@code u + level * std(u) * N(0, 1)}, {@code std} the population standard
 * deviation of each field over the whole grid. Deterministic per seed: one
 * {@link SplittableRandom} seeded with {@code seed} draws the fields in field order,
 * point by point in flat order.
 */
public final class Noise {

	private Noise() {
	}

	/**
	 * A new data set with noise added to every field; the input is not modified.
	 * @param field the clean data
	 * @param level noise relative to each field's standard deviation ({@code 0.01} = 1%),
	 * finite and {@code >= 0}
	 * @param seed random seed
	 */
	public static Field add(Field field, double level, long seed) {
		if (!Double.isFinite(level) || level < 0) {
			throw new IllegalArgumentException(
					"noise level must be a finite number >= 0 (0.01 = 1% of each field's std), got " + level);
		}
		SplittableRandom random = new SplittableRandom(seed);
		Map<String, double[]> noisy = new LinkedHashMap<>();
		for (Map.Entry<String, double[]> e : field.asMap().entrySet()) {
			double[] u = e.getValue();
			double sigma = level * standardDeviation(u);
			double[] out = new double[u.length];
			for (int i = 0; i < u.length; i++) {
				out[i] = u[i] + sigma * random.nextGaussian();
			}
			noisy.put(e.getKey(), out);
		}
		return new Field(field.grid(), noisy);
	}

	/** Population standard deviation (two-pass). */
	public static double standardDeviation(double[] u) {
		double mean = 0;
		for (double v : u) {
			mean += v;
		}
		mean /= u.length;
		double ss = 0;
		for (double v : u) {
			ss += (v - mean) * (v - mean);
		}
		return Math.sqrt(ss / u.length);
	}

}
