package io.physforge.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Noise statistics and determinism. With 40 000 points per field the measured ratio
 * std(noise) / (level * std(u)) is within 1% of 1 and the noise mean within 0.02 level
 * std(u) of 0.
 */
class NoiseTest {

	private static Field sample() {
		Grid grid = Grid.of(Axis.uniform("t", 0, 0.1, 200), Axis.uniform("x", 0, 0.05, 200));
		double[] u = new double[grid.size()];
		double[] v = new double[grid.size()];
		for (int i = 0; i < u.length; i++) {
			u[i] = Math.sin(0.01 * i);
			v[i] = 100 + 5 * Math.cos(0.003 * i);
		}
		Map<String, double[]> m = new LinkedHashMap<>();
		m.put("u", u);
		m.put("v", v);
		return new Field(grid, m);
	}

	@Test
	void noiseHasTheRequestedStandardDeviationPerField() {
		Field clean = sample();
		double level = 0.05;
		Field noisy = Noise.add(clean, level, 42);
		for (String name : clean.fieldNames()) {
			double[] u = clean.values(name);
			double[] n = noisy.values(name);
			double[] diff = new double[u.length];
			double mean = 0;
			for (int i = 0; i < u.length; i++) {
				diff[i] = n[i] - u[i];
				mean += diff[i] / u.length;
			}
			double expected = level * Noise.standardDeviation(u);
			assertThat(Noise.standardDeviation(diff) / expected).as(name).isBetween(0.98, 1.02);
			assertThat(Math.abs(mean) / expected).as(name).isLessThan(0.03);
		}
	}

	@Test
	void sameSeedSameNoiseOtherSeedOtherNoise() {
		Field clean = sample();
		double[] before = clean.values("u").clone();
		Field a = Noise.add(clean, 0.01, 7);
		Field b = Noise.add(clean, 0.01, 7);
		Field c = Noise.add(clean, 0.01, 8);
		assertThat(a.values("u")).isEqualTo(b.values("u"));
		assertThat(a.values("v")).isEqualTo(b.values("v"));
		assertThat(a.values("u")).isNotEqualTo(c.values("u"));
		assertThat(clean.values("u")).isEqualTo(before);
		assertThat(a.grid()).isEqualTo(clean.grid());
	}

	@Test
	void zeroLevelKeepsValuesAndBadLevelsAreRejected() {
		Field clean = sample();
		assertThat(Noise.add(clean, 0, 1).values("v")).isEqualTo(clean.values("v"));
		assertThatThrownBy(() -> Noise.add(clean, -0.1, 1)).hasMessageContaining("noise level");
		assertThatThrownBy(() -> Noise.add(clean, Double.NaN, 1)).hasMessageContaining("noise level");
	}

}
