package io.physforge.core.weak;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.simulate.SimulationSettings;
import io.physforge.core.simulate.Simulations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The final model choice of the weak form. (1) Noisy data: the supports found at the two
 * test-function scales are compared by the effective-rows criterion summed over both
 * scales' systems; fisher-kpp with {@code D = 0.5, r = 2} (400 x 121, gaussian start, 10%
 * noise) found {@code 2 u - 2 u^2 + 0.5 u_xx} only at the narrower scale and
 * {@code 1.33 u - 1.34 u^3 + 0.84 u_xx} at the wider one, whose refit had the smaller
 * worst relative standard error, so the old choice by that error returned the {@code u^3}
 * model (measured after: errors 3.4e-3 / 1.5e-2, seeds 11 / 12). On seeds 104 and 108 the
 * narrower scale's true model lost that criterion too (by 2.6 and 4.5) and is chosen by
 * the generalised (WENDy) deviance on common rows (34 and 73 lower); their errors, 3.9e-2
 * and 1.2e-2, are those of this case's WENDy refit (8 seeds: root mean square 4e-2, least
 * squares 1.8e-2; docs/benchmarks.md). (2) Clean data: MSTLS's thresholds start from a
 * rank-deficient least-squares fit on two-mode heat data ({@code u_xx} lies in the span
 * of {@code u} and {@code u_xxxx}) and returned {@code [u, u_xxxx]}; the
 * backward-elimination path scored by the same loss finds the sparser exact {@code u_xx}.
 */
class WeakFormModelChoiceTest {

	@ParameterizedTest(name = "fisher-kpp D=0.5 r=2, 10% noise, seed {0}: max rel error <= {1}")
	@CsvSource({ "11, 0.03", "12, 0.03", "104, 0.06", "108, 0.06" })
	void choosesTheSupportAcrossScales(long seed, double bound) {
		Map<String, Double> parameters = Map.of("D", 0.5, "r", 2.0);
		Field clean = Simulations.simulate("fisher-kpp", parameters, SimulationSettings.oneDimensional(-40, 80, 400,
				SimulationSettings.uniformTimes(0, 6, 121), "gaussian"));
		DiscoveryResult result = Discovery.discover(Noise.add(clean, 0.1, seed),
				DiscoverySettings.defaults().withSeed(seed));
		DiscoveredEquation found = result.equation("u_t");
		Map<String, Double> truth = Simulations.trueEquation("fisher-kpp", parameters).get("u");
		assertThat(found.coefficients().keySet()).as(found.text()).containsExactlyInAnyOrderElementsOf(truth.keySet());
		assertThat(WeakTestData.maxRelativeError(found.coefficients(), truth)).as(found.text()).isLessThan(bound);
		if (seed > 100) {
			// decided by the generalised deviance: the least-squares criterion preferred
			// the wider scale's u^3 model
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> scales = (List<Map<String, Object>>) result.metrics().get("scales");
			Map<String, Object> chosen = scales.stream().filter((m) -> (boolean) m.get("chosen")).findFirst().get();
			Map<String, Object> other = scales.stream().filter((m) -> !(boolean) m.get("chosen")).findFirst().get();
			assertThat((double) chosen.get("generalisedDeviance"))
				.isLessThan((double) other.get("generalisedDeviance"));
			assertThat(other.get("equations").toString()).contains("u^3");
		}
	}

	@Test
	void prefersTheSparsestExactModelOnCleanData() {
		Map<String, Double> parameters = Map.of("nu", 0.5);
		Field data = Simulations.simulate("heat", parameters,
				SimulationSettings.oneDimensional(-8, 16, 128, SimulationSettings.uniformTimes(0, 4, 81), "modes"));
		DiscoveryResult result = WeakForm.discover(data, WeakFormSettings.defaults().withTestFunction("x", 62, 0));
		DiscoveredEquation found = result.equation("u_t");
		assertThat(found.coefficients().keySet()).as(found.text()).containsExactly("u_xx");
		assertThat(Math.abs(found.coefficients().get("u_xx") - 0.5)).as(found.text()).isLessThan(1e-6);
	}

}
