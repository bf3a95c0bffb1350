package io.physforge.core.weak;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.simulate.Simulations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weak-form discovery on the built-in simulations with their default settings (library
 * degree 3, derivative order 4 in 1-D, 2 in 2-D), seed 1; at 1% noise the 1-D sets take
 * the WENDy refit (WeakForm). Bounds at 1% from the worst of seeds 1..5 (NoiseSweepBench,
 * with the ensemble): heat 7.7e-4, advection-diffusion 1.1e-3, allen-cahn 1.4e-3,
 * fisher-kpp 2.6e-3. Earlier single-seed measurements, worst relative coefficient errors
 * (clean, 1% noise): advection-diffusion 3e-12, 4.4e-4; allen-cahn 6e-8, 1.1e-3;
 * fisher-kpp 3e-7, 8.2e-4; reaction-diffusion (2-D, two fields, 7 terms each) 2e-8,
 * 2.4e-3; heat 2e-11, 1.8e-4 (not asserted). At 10% noise these lose or gain terms
 * (diffusion carries a few percent of {@code u_t} in advection-diffusion; heat and
 * reaction-diffusion decay into the noise): a known limit, not asserted.
 */
class WeakFormSimulationTest {

	@ParameterizedTest(name = "{0} noise {1}: max rel error <= {2}")
	@CsvSource({ "advection-diffusion, 0.0, 1e-6", "advection-diffusion, 0.01, 1.5e-3", "allen-cahn, 0.01, 2.5e-3",
			"fisher-kpp, 0.01, 4e-3", "heat, 0.01, 1e-3", "reaction-diffusion, 0.0, 1e-6",
			"reaction-diffusion, 0.01, 1e-2" })
	void findsTheSimulatedEquation(String name, double level, double bound) {
		Field clean = Simulations.simulate(name);
		Field data = (level == 0) ? clean : Noise.add(clean, level, 1L);
		int order = (Simulations.dimension(name) == 2) ? 2 : 4;
		DiscoveryResult result = WeakForm.discover(data, WeakFormSettings.defaults().withLibrary(3, order));
		Map<String, Map<String, Double>> truth = Simulations.trueEquation(name, Simulations.defaultParameters(name));
		for (Map.Entry<String, Map<String, Double>> e : truth.entrySet()) {
			Map<String, Double> found = result.equation(e.getKey() + "_t").coefficients();
			String text = result.equation(e.getKey() + "_t").text();
			assertThat(found.keySet()).as(text).containsExactlyInAnyOrderElementsOf(e.getValue().keySet());
			assertThat(WeakTestData.maxRelativeError(found, e.getValue())).as(text).isLessThan(bound);
		}
	}

}
