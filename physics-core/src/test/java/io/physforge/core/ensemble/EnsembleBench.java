package io.physforge.core.ensemble;

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
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;

/**
 * Issue 6's done-when numbers. (1) Success rate at 50% noise over seeds 1..20 per
 * PDE-FIND equation with the default discovery (auto: weak form, 100-member block
 * bootstrap ensemble, majority vote): success = exact structure (every true term, no
 * other); prints successes, the median worst relative coefficient error of the successes
 * and the median wall time. (2) Kuramoto-Sivashinsky (251 x 1024) weak form + 100
 * members: wall time of {@code Discovery.discover} after warm-up (median and minimum of
 * 5). Run:
 * {@code java -cp <test classpath> io.physforge.core.ensemble.EnsembleBench [seeds] [level]}.
 */
public final class EnsembleBench {

	static final Map<String, Map<String, Map<String, Double>>> TRUTH = new LinkedHashMap<>();

	static {
		TRUTH.put("burgers", Map.of("u_t", Map.of("u*u_x", -1.0, "u_xx", 0.1)));
		TRUTH.put("kdv", Map.of("u_t", Map.of("u*u_x", -6.0, "u_xxx", -1.0)));
		TRUTH.put("kuramoto_sivashinsky", Map.of("u_t", Map.of("u*u_x", -1.0, "u_xx", -1.0, "u_xxxx", -1.0)));
		TRUTH.put("nls", Map.of("u_t", Map.of("v_xx", -0.5, "u^2*v", -1.0, "v^3", -1.0), "v_t",
				Map.of("u_xx", 0.5, "u^3", 1.0, "u*v^2", 1.0)));
	}

	private EnsembleBench() {
	}

	public static void main(String[] args) {
		int seeds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		double level = (args.length > 1) ? Double.parseDouble(args[1]) : 0.5;
		List<String> names = (args.length > 2) ? List.of(args[2].split(",")) : List.copyOf(TRUTH.keySet());
		String selection = (args.length > 3) ? args[3] : "method";
		int members = (args.length > 4) ? Integer.parseInt(args[4]) : DiscoverySettings.AUTO_ENSEMBLE;
		double fraction = (args.length > 5) ? Double.parseDouble(args[5]) : 1.0;
		System.out.printf(Locale.ROOT,
				"noise %.0f%%, seeds 1..%d, default discovery (auto: weak form), "
						+ "ensemble members %d (-1: auto = 100), selection %s%n",
				100 * level, seeds, members, selection);
		System.out.println("equation               successes  rate    median max rel error  median ms  failures");
		for (String name : names) {
			Field clean = DataSets.read(ReferenceData.pdeFind(name + ".npz"));
			int ok = 0;
			double[] errors = new double[seeds];
			double[] ms = new double[seeds];
			StringBuilder failures = new StringBuilder();
			for (int s = 1; s <= seeds; s++) {
				Field data = Noise.add(clean, level, s);
				long t0 = System.nanoTime();
				DiscoveryResult r = Discovery.discover(data,
						DiscoverySettings.defaults()
							.withSeed(s)
							.withSelection(selection)
							.withEnsemble(members, 0.5, fraction));
				ms[s - 1] = (System.nanoTime() - t0) / 1e6;
				double worst = 0;
				boolean exact = true;
				for (DiscoveredEquation e : r.equations()) {
					Map<String, Double> truth = TRUTH.get(name).get(e.lhs());
					exact &= e.coefficients().keySet().equals(truth.keySet());
					for (Map.Entry<String, Double> t : truth.entrySet()) {
						Double v = e.coefficients().get(t.getKey());
						worst = Math.max(worst, (v == null) ? 1 : Math.abs(v / t.getValue() - 1));
					}
				}
				if (exact) {
					errors[ok++] = worst;
				}
				else {
					failures.append(' ').append(s).append(':').append(r.equations().get(0).text());
				}
			}
			System.out.printf(Locale.ROOT, "%-22s %2d/%-2d      %5.1f%%  %20.4f  %9.0f %s%n", name, ok, seeds,
					100.0 * ok / seeds, median(Arrays.copyOf(errors, ok)), median(ms), failures);
		}
		Field ks = DataSets.read(ReferenceData.pdeFind("kuramoto_sivashinsky.npz"));
		Field noisy = Noise.add(ks, 0.1, 1L);
		DiscoverySettings s = DiscoverySettings.defaults().withMethod("weak").withEnsemble(100, 0.5, 1.0);
		for (int i = 0; i < 3; i++) {
			Discovery.discover(noisy, s);
		}
		double[] times = new double[5];
		DiscoveryResult r = null;
		for (int i = 0; i < times.length; i++) {
			long t0 = System.nanoTime();
			r = Discovery.discover(noisy, s);
			times[i] = (System.nanoTime() - t0) / 1e6;
		}
		System.out.printf(Locale.ROOT,
				"kuramoto_sivashinsky %s weak + 100 members (10%% noise): median %.0f ms, min %.0f ms, %d cores; %s%n",
				ks.grid().shape().length == 2 ? Arrays.toString(ks.grid().shape()) : "", median(times),
				Arrays.stream(times).min().orElse(0), Runtime.getRuntime().availableProcessors(),
				r.equations().get(0).text());
	}

	static double median(double[] v) {
		if (v.length == 0) {
			return Double.NaN;
		}
		double[] s = v.clone();
		Arrays.sort(s);
		return (s.length % 2 == 1) ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

}
