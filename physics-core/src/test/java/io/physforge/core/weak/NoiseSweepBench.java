package io.physforge.core.weak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.simulate.Simulations;

/**
 * Issue 6's accuracy table: equation x noise level -> exact-structure success rate, the
 * largest worst relative coefficient error among the successes, and the median time per
 * discovery, with the default discovery ({@code Discovery.discover},
 * {@code DiscoverySettings.defaults()}: auto picks the weak form on noisy data, 100
 * ensemble members). Equations: the PDE-FIND sets (burgers, kdv, kuramoto_sivashinsky,
 * nls) and the built-in simulations with their default parameters and grids (heat,
 * advection-diffusion, allen-cahn, fisher-kpp, 2-D reaction-diffusion; library order 2 in
 * 2-D as in WeakFormSimulationTest). Noise {@code u + level std(u) N(0, 1)} per field,
 * seeds {@code 1..seeds}. Run:
 * {@code java -cp <test classpath> io.physforge.core.weak.NoiseSweepBench [levels=0.01,0.1,0.5] [seeds=20] [equations]}.
 */
public final class NoiseSweepBench {

	private NoiseSweepBench() {
	}

	public static void main(String[] args) {
		double[] levels = Arrays.stream(((args.length > 0) ? args[0] : "0.01,0.1,0.5").split(","))
			.mapToDouble(Double::parseDouble)
			.toArray();
		int seeds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		List<String> names = (args.length > 2) ? List.of(args[2].split(","))
				: List.of("burgers", "kdv", "kuramoto_sivashinsky", "nls", "heat", "advection-diffusion", "allen-cahn",
						"fisher-kpp", "reaction-diffusion");
		System.out.printf(Locale.ROOT, "default discovery, seeds 1..%d, %d cores%n", seeds,
				Runtime.getRuntime().availableProcessors());
		System.out.println(
				"| equation | noise | exact structure | worst max rel. error (successes) | median time | failures |");
		System.out.println("|---|---|---|---|---|---|");
		for (String name : names) {
			boolean simulated = Simulations.names().contains(name);
			Field clean = simulated ? Simulations.simulate(name) : WeakTestData.read(name);
			Map<String, Map<String, Double>> truth = simulated
					? Simulations.trueEquation(name, Simulations.defaultParameters(name)) : truth(name);
			DiscoverySettings settings = DiscoverySettings.defaults();
			if (simulated && Simulations.dimension(name) == 2) {
				settings = settings.withMaxOrder(2);
			}
			for (double level : levels) {
				int ok = 0;
				double worst = 0;
				double[] ms = new double[seeds];
				List<String> failures = new ArrayList<>();
				for (int s = 1; s <= seeds; s++) {
					Field data = Noise.add(clean, level, s);
					long t0 = System.nanoTime();
					DiscoveryResult r = Discovery.discover(data, settings.withSeed(s));
					ms[s - 1] = (System.nanoTime() - t0) / 1e6;
					boolean exact = true;
					double err = 0;
					for (Map.Entry<String, Map<String, Double>> e : truth.entrySet()) {
						DiscoveredEquation eq = r.equation(e.getKey() + "_t");
						exact &= eq.coefficients().keySet().equals(e.getValue().keySet());
						err = Math.max(err, WeakTestData.maxRelativeError(eq.coefficients(), e.getValue()));
					}
					if (exact) {
						ok++;
						worst = Math.max(worst, err);
					}
					else if (failures.size() < 2) {
						failures.add(s + ": "
								+ String.join("; ", r.equations().stream().map(DiscoveredEquation::text).toList()));
					}
				}
				Arrays.sort(ms);
				System.out.printf(Locale.ROOT, "| %s | %.0f%% | %d/%d | %s | %.2f s | %s |%n", name, 100 * level, ok,
						seeds, (ok > 0) ? String.format(Locale.ROOT, "%.2e", worst) : "-", ms[seeds / 2] / 1000,
						String.join(" / ", failures));
			}
		}
	}

	private static Map<String, Map<String, Double>> truth(String name) {
		Map<String, Map<String, Double>> t = new LinkedHashMap<>();
		if (name.equals("nls")) {
			t.put("u", Map.of("v_xx", -0.5, "u^2*v", -1.0, "v^3", -1.0));
			t.put("v", Map.of("u_xx", 0.5, "u^3", 1.0, "u*v^2", 1.0));
		}
		else {
			t.put("u", WeakTestData.TRUTH.get(name));
		}
		return t;
	}

}
