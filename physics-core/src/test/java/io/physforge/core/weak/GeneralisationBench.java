package io.physforge.core.weak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.simulate.SimulationSettings;
import io.physforge.core.simulate.Simulations;

/**
 * Default discovery on simulations whose coefficients, initial conditions and grids
 * differ from the built-in defaults that the accuracy tests and {@link NoiseSweepBench}
 * use: the check that automatic settings are not fitted to those. One line per case,
 * noise level and seed: exact structure or the equation found, worst relative coefficient
 * error, time. Run:
 * {@code java -cp <test classpath> io.physforge.core.weak.GeneralisationBench [levels=0.01,0.05,0.1] [seeds=11,12] [equations]}.
 */
public final class GeneralisationBench {

	record Case(String name, Map<String, Double> parameters, SimulationSettings grid) {
	}

	private GeneralisationBench() {
	}

	static List<Case> cases() {
		return List.of(
				new Case("burgers", Map.of("nu", 0.03),
						SimulationSettings.oneDimensional(-8, 16, 512, SimulationSettings.uniformTimes(0, 6, 201),
								"sine")),
				new Case("burgers", Map.of("nu", 0.25),
						SimulationSettings.oneDimensional(-8, 16, 128, SimulationSettings.uniformTimes(0, 10, 61),
								"gaussian")),
				new Case("kdv", Map.of("a", 6.0, "b", 1.0),
						SimulationSettings.oneDimensional(-30, 60, 256, SimulationSettings.uniformTimes(0, 10, 101),
								"two-solitons")),
				new Case("heat", Map.of("nu", 0.5),
						SimulationSettings.oneDimensional(-8, 16, 128, SimulationSettings.uniformTimes(0, 4, 81),
								"modes")),
				new Case("advection-diffusion", Map.of("c", -2.0, "nu", 0.05),
						SimulationSettings.oneDimensional(-8, 16, 256, SimulationSettings.uniformTimes(0, 3, 101),
								"gaussian")),
				new Case("advection-diffusion", Map.of("c", 0.5, "nu", 0.5),
						SimulationSettings.oneDimensional(-8, 16, 192, SimulationSettings.uniformTimes(0, 4, 81),
								"gaussian")),
				new Case("fisher-kpp", Map.of("D", 0.5, "r", 2.0),
						SimulationSettings.oneDimensional(-40, 80, 400, SimulationSettings.uniformTimes(0, 6, 121),
								"gaussian")),
				new Case("allen-cahn", Map.of("eps", 0.003),
						SimulationSettings.oneDimensional(-1, 2, 200, SimulationSettings.uniformTimes(0, 2, 81),
								"sines")),
				new Case("kuramoto-sivashinsky", Map.of(),
						SimulationSettings.oneDimensional(0, 32 * Math.PI, 512,
								SimulationSettings.uniformTimes(0, 80, 201), "cosine")),
				new Case("nls", Map.of("a", 1.0, "b", 2.0), SimulationSettings.oneDimensional(-5, 10, 256,
						SimulationSettings.uniformTimes(0, 2, 201), "sech")));
	}

	public static void main(String[] args) {
		double[] levels = List.of(((args.length > 0) ? args[0] : "0.01,0.05,0.1").split(","))
			.stream()
			.mapToDouble(Double::parseDouble)
			.toArray();
		long[] seeds = List.of(((args.length > 1) ? args[1] : "11,12").split(","))
			.stream()
			.mapToLong(Long::parseLong)
			.toArray();
		Set<String> only = (args.length > 2) ? Set.of(args[2].split(",")) : null;
		int exact = 0;
		int runs = 0;
		for (Case c : cases()) {
			if (only != null && !only.contains(c.name())) {
				continue;
			}
			Map<String, Double> parameters = new LinkedHashMap<>(Simulations.defaultParameters(c.name()));
			parameters.putAll(c.parameters());
			Field clean = Simulations.simulate(c.name(), parameters, c.grid());
			Map<String, Map<String, Double>> truth = Simulations.trueEquation(c.name(), parameters);
			for (double level : levels) {
				for (long seed : seeds) {
					Field data = Noise.add(clean, level, seed);
					long t0 = System.nanoTime();
					DiscoveryResult r = Discovery.discover(data, DiscoverySettings.defaults().withSeed(seed));
					double ms = (System.nanoTime() - t0) / 1e6;
					boolean ok = true;
					double err = 0;
					for (Map.Entry<String, Map<String, Double>> e : truth.entrySet()) {
						DiscoveredEquation eq = r.equation(e.getKey() + "_t");
						ok &= eq.coefficients().keySet().equals(e.getValue().keySet());
						err = Math.max(err, WeakTestData.maxRelativeError(eq.coefficients(), e.getValue()));
					}
					runs++;
					exact += ok ? 1 : 0;
					System.out.printf(Locale.ROOT, "%s %s %dx%d noise %.2f seed %d: %s error %.2e, %.0f ms%s%n",
							c.name(), c.parameters(), c.grid().times().length, c.grid().nx(), level, seed,
							ok ? "exact" : "WRONG", err, ms, ok ? "" : " | "
									+ String.join("; ", r.equations().stream().map(DiscoveredEquation::text).toList()));
				}
			}
		}
		System.out.printf(Locale.ROOT, "exact structure: %d of %d%n", exact, runs);
	}

}
