package io.physforge.core.weak;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.field.Field;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weak-form discovery on the PDE-FIND reference data with the default settings, clean and
 * with {@code level * std(u) * N(0,1)} noise ({@code Noise.add}), seeds 1..3. Measured
 * maximum relative coefficient errors over the three seeds:
 *
 * <pre>
 * equation               clean    1% noise   10% noise
 * burgers                6e-12    6.5e-4     5.5e-3
 * kdv                    4e-10    2.0e-4     3.2e-3
 * kuramoto_sivashinsky   3e-8     2.1e-4     2.1e-3
 * nls (u and v)          2e-12    5e-4       5.6e-3   (seeds 1, 2)
 * </pre>
 *
 * Exact structure in every case (and over seeds 1..20 with the 100-member ensemble,
 * NoiseSweepBench: at most 9.7e-4 at 1%, 4.9e-3 at 5%, 9.9e-3 at 10%). Asserted: the
 * issue's bar, 1e-3 at 1% noise and 1e-2 at 10%, on seeds 1..3 and on burgers' worst draw
 * of 20 (seed 15); the noise estimate within 5% of the true level.
 */
class WeakFormReferenceTest {

	static Stream<Arguments> cases() {
		return Stream.of(Arguments.of("burgers", 0.0, 1L, 1e-8), Arguments.of("kdv", 0.0, 1L, 1e-6),
				Arguments.of("kuramoto_sivashinsky", 0.0, 1L, 1e-6), Arguments.of("burgers", 0.01, 1L, 1e-3),
				Arguments.of("burgers", 0.01, 2L, 1e-3), Arguments.of("burgers", 0.01, 3L, 1e-3),
				Arguments.of("kdv", 0.01, 1L, 1e-3), Arguments.of("kdv", 0.01, 2L, 1e-3),
				Arguments.of("kdv", 0.01, 3L, 1e-3), Arguments.of("kuramoto_sivashinsky", 0.01, 1L, 1e-3),
				Arguments.of("kuramoto_sivashinsky", 0.01, 2L, 1e-3),
				Arguments.of("kuramoto_sivashinsky", 0.01, 3L, 1e-3), Arguments.of("burgers", 0.1, 1L, 1e-2),
				Arguments.of("burgers", 0.1, 2L, 1e-2), Arguments.of("burgers", 0.1, 3L, 1e-2),
				Arguments.of("kdv", 0.1, 1L, 1e-2), Arguments.of("kdv", 0.1, 2L, 1e-2),
				Arguments.of("kdv", 0.1, 3L, 1e-2), Arguments.of("kuramoto_sivashinsky", 0.1, 1L, 1e-2),
				Arguments.of("kuramoto_sivashinsky", 0.1, 2L, 1e-2),
				Arguments.of("kuramoto_sivashinsky", 0.1, 3L, 1e-2),
				// the worst draw of seeds 1..20 with the least-squares refit (1.36e-3 and
				// 1.29e-2); 9.7e-4 and 9.9e-3 with the exact WENDy covariance
				Arguments.of("burgers", 0.01, 15L, 1e-3), Arguments.of("burgers", 0.1, 15L, 1e-2));
	}

	/**
	 * Two fields (psi = u + i v): measured max relative errors 2e-12 clean, 5e-4 at 1%,
	 * 5.4e-3 at 10% noise (seeds 1, 2).
	 */
	@ParameterizedTest(name = "nls noise {0} seed {1}: max rel error <= {2}")
	@CsvSource({ "0.0, 1, 1e-8", "0.01, 1, 1e-3", "0.01, 2, 1e-3", "0.1, 1, 1e-2", "0.1, 2, 1e-2" })
	void findsNonlinearSchroedinger(double level, long seed, double bound) {
		Field clean = WeakTestData.read("nls");
		Field data = (level == 0) ? clean : WeakTestData.noisy(clean, level, seed);
		DiscoveryResult result = WeakForm.discover(data, WeakFormSettings.defaults());
		Map<String, Double> u = Map.of("v_xx", -0.5, "u^2*v", -1.0, "v^3", -1.0);
		Map<String, Double> v = Map.of("u_xx", 0.5, "u^3", 1.0, "u*v^2", 1.0);
		Map<String, Double> foundU = result.equation("u_t").coefficients();
		Map<String, Double> foundV = result.equation("v_t").coefficients();
		assertThat(foundU.keySet()).as(result.equation("u_t").text()).containsExactlyInAnyOrderElementsOf(u.keySet());
		assertThat(foundV.keySet()).as(result.equation("v_t").text()).containsExactlyInAnyOrderElementsOf(v.keySet());
		assertThat(Math.max(WeakTestData.maxRelativeError(foundU, u), WeakTestData.maxRelativeError(foundV, v)))
			.isLessThan(bound);
	}

	@ParameterizedTest(name = "{0} noise {1} seed {2}: max rel error <= {3}")
	@MethodSource("cases")
	void findsTheReferenceEquation(String name, double level, long seed, double bound) {
		Field clean = WeakTestData.read(name);
		Field data = (level == 0) ? clean : WeakTestData.noisy(clean, level, seed);
		DiscoveryResult result = WeakForm.discover(data, WeakFormSettings.defaults());
		Map<String, Double> found = result.equation("u_t").coefficients();
		Map<String, Double> truth = WeakTestData.TRUTH.get(name);
		assertThat(found.keySet()).as(result.equation("u_t").text())
			.containsExactlyInAnyOrderElementsOf(truth.keySet());
		assertThat(WeakTestData.maxRelativeError(found, truth)).as(result.equation("u_t").text()).isLessThan(bound);
		@SuppressWarnings("unchecked")
		Map<String, Double> noise = (Map<String, Double>) result.metrics().get("noiseLevel");
		if (level > 0) {
			assertThat(noise.get("u")).isBetween(0.95 * level, 1.05 * level);
		}
		else {
			assertThat(noise.get("u")).isLessThan(1e-3);
		}
	}

}
