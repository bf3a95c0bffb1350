package io.physforge.core.weak;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * Default discovery ({@code Discovery.discover}, {@code DiscoverySettings.defaults()}) on
 * simulations with other coefficients, initial conditions and grids than the built-in
 * defaults the other accuracy tests use: the automatic settings must not depend on those.
 * Heat with two Fourier modes is the case that found the test-function width cap (without
 * it the bump spanned the whole x axis and the weak form returned
 * {@code -0.07 u - 0.32 u_xxxx}, exact on those two modes but not the heat equation). The
 * clean case asks for the weak form (auto takes the strong form on clean data). Measured
 * worst relative errors (seeds 11, 12): heat-modes 4.6e-4 / 7.6e-4 at 1%, 3.0e-2 at 10%;
 * allen-cahn (eps 0.003, 200 x 81) 5.4e-3 at 1%, 1.1e-1 at 10%; burgers (nu 0.25, 128 x
 * 61) 1.3e-3 at 1%, 1.3e-2 at 10%.
 */
class WeakFormGeneralisationTest {

	@ParameterizedTest(name = "{0} {1} {2} on {3} x {4} points, t <= {5}, noise {6}, seed {7}: error <= {8}")
	@CsvSource({ "heat, nu=0.5, modes, 128, 81, 4, 0.0, 11, 1e-5", "heat, nu=0.5, modes, 128, 81, 4, 0.01, 11, 3e-3",
			"heat, nu=0.5, modes, 128, 81, 4, 0.1, 12, 6e-2",
			"allen-cahn, eps=0.003, sines, 200, 81, 2, 0.01, 12, 1.5e-2",
			"allen-cahn, eps=0.003, sines, 200, 81, 2, 0.1, 11, 0.2",
			"burgers, nu=0.25, gaussian, 128, 61, 10, 0.1, 12, 3e-2" })
	void findsTheEquationOnAnotherGrid(String name, String parameter, String initial, int nx, int nt, double tEnd,
			double level, long seed, double bound) {
		Map<String, Double> parameters = new LinkedHashMap<>(Simulations.defaultParameters(name));
		String[] kv = parameter.split("=");
		parameters.put(kv[0], Double.parseDouble(kv[1]));
		SimulationSettings grid = Simulations.defaultSettings(name);
		Field clean = Simulations.simulate(name, parameters, SimulationSettings.oneDimensional(grid.xMin(),
				grid.xLength(), nx, SimulationSettings.uniformTimes(0, tEnd, nt), initial));
		Field data = (level == 0) ? clean : Noise.add(clean, level, seed);
		// clean data would take the strong form by default: ask for the weak form there
		DiscoverySettings settings = DiscoverySettings.defaults()
			.withSeed(seed)
			.withMethod((level == 0) ? "weak" : "auto");
		DiscoveryResult result = Discovery.discover(data, settings);
		Map<String, Double> truth = Simulations.trueEquation(name, parameters).get("u");
		DiscoveredEquation found = result.equation("u_t");
		assertThat(found.coefficients().keySet()).as(found.text()).containsExactlyInAnyOrderElementsOf(truth.keySet());
		assertThat(WeakTestData.maxRelativeError(found.coefficients(), truth)).as(found.text()).isLessThan(bound);
	}

}
