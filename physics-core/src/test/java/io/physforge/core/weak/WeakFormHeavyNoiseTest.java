package io.physforge.core.weak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.ensemble.EnsembleSettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.simulate.Simulations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weak-form discovery on heavily noisy data, default settings with a 100-member ensemble:
 * the noise-corrected normal equations, the effective-rows criterion and the choice
 * between two test-function scales (see {@link WeakForm}). Measured with NoiseSweepBench
 * (docs/benchmarks.md): at 50% noise, seeds 1..20, exact structure for burgers 18/20
 * (before: 3/20) and kdv 20/20 (before: 10/20); at 10% noise advection-diffusion and
 * fisher-kpp 5/5 (before: 0/5 each).
 */
class WeakFormHeavyNoiseTest {

	/**
	 * Burgers and KdV at 50% noise, seeds 1..5 each: at least 9 of the 10 exact
	 * (measured: 9/10, burgers seed 1 keeps {@code u^2*u_x} for {@code u*u_x}), and the
	 * worst coefficient error of the exact ones below 10% (measured 4.0e-2).
	 */
	@Test
	void burgersAndKdvAtFiftyPercentNoise() {
		int exact = 0;
		double worst = 0;
		List<String> found = new ArrayList<>();
		for (String name : List.of("burgers", "kdv")) {
			Field clean = WeakTestData.read(name);
			Map<String, Double> truth = WeakTestData.TRUTH.get(name);
			for (long seed = 1; seed <= 5; seed++) {
				DiscoveryResult r = WeakForm.discover(Noise.add(clean, 0.5, seed), WeakFormSettings.defaults(),
						EnsembleSettings.of(EnsembleSettings.DEFAULT_MEMBERS, seed), "method");
				Map<String, Double> c = r.equation("u_t").coefficients();
				found.add(name + " " + seed + ": " + r.equation("u_t").text());
				if (c.keySet().equals(truth.keySet())) {
					exact++;
					worst = Math.max(worst, WeakTestData.maxRelativeError(c, truth));
				}
			}
		}
		assertThat(exact).as(String.join("\n", found)).isGreaterThanOrEqualTo(9);
		assertThat(worst).as(String.join("\n", found)).isLessThan(0.1);
	}

	/**
	 * NLS at 50% noise, seeds 13 and 14 (NoiseSweepBench's two failures before the
	 * significance pruning): the members kept a spurious {@code 0.02 v^2} in {@code u_t}
	 * (relative standard error 0.76); now dropped as insignificant and reported in
	 * {@code prunedInsignificant}, both equations exact with worst error below 2%
	 * (measured 2.7e-3 and 6.4e-3).
	 */
	@Test
	void nlsAtFiftyPercentNoiseDropsTheInsignificantTerm() {
		Field clean = WeakTestData.read("nls");
		Map<String, Map<String, Double>> truth = Map.of("u_t", Map.of("v_xx", -0.5, "u^2*v", -1.0, "v^3", -1.0), "v_t",
				Map.of("u_xx", 0.5, "u^3", 1.0, "u*v^2", 1.0));
		for (long seed : new long[] { 13, 14 }) {
			DiscoveryResult r = WeakForm.discover(Noise.add(clean, 0.5, seed), WeakFormSettings.defaults(),
					EnsembleSettings.of(EnsembleSettings.DEFAULT_MEMBERS, seed), "method");
			for (Map.Entry<String, Map<String, Double>> e : truth.entrySet()) {
				Map<String, Double> c = r.equation(e.getKey()).coefficients();
				String text = seed + ": " + r.equation(e.getKey()).text();
				assertThat(c.keySet()).as(text).containsExactlyInAnyOrderElementsOf(e.getValue().keySet());
				assertThat(WeakTestData.maxRelativeError(c, e.getValue())).as(text).isLessThan(0.02);
			}
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> eqs = (Map<String, Map<String, Object>>) r.metrics().get("equations");
			assertThat(eqs.get("u_t")).as("seed " + seed).containsKey("prunedInsignificant");
			assertThat((Map<String, Object>) eqs.get("u_t").get("prunedInsignificant")).containsKey("v^2");
		}
	}

	/**
	 * Simulated equations at 10% noise (seed 1): exact structure; measured worst errors
	 * over seeds 1..5 with the WENDy refit (before, least squares): advection-diffusion
	 * 1.05e-2 (2.7e-2), allen-cahn 1.8e-2 (3.2e-2), fisher-kpp 2.5e-2 (2.6e-2), heat
	 * 8.2e-3 (8.9e-3); the 1% bar is met by heat only.
	 */
	@ParameterizedTest(name = "{0} at 10% noise: max rel error <= {1}")
	@CsvSource({ "advection-diffusion, 0.015", "allen-cahn, 0.025", "fisher-kpp, 0.035", "heat, 0.01" })
	void simulatedEquationsAtTenPercentNoise(String name, double bound) {
		Field data = Noise.add(Simulations.simulate(name), 0.1, 1L);
		DiscoveryResult r = WeakForm.discover(data, WeakFormSettings.defaults(), EnsembleSettings.of(100, 1L),
				"method");
		Map<String, Double> truth = Simulations.trueEquation(name, Simulations.defaultParameters(name)).get("u");
		Map<String, Double> c = r.equation("u_t").coefficients();
		assertThat(c.keySet()).as(r.equation("u_t").text()).containsExactlyInAnyOrderElementsOf(truth.keySet());
		assertThat(WeakTestData.maxRelativeError(c, truth)).as(r.equation("u_t").text()).isLessThan(bound);
		assertThat(r.metrics()).containsKey("scales");
	}

}
