package io.physforge.core.weak;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.field.Field;

/**
 * Time per weak-form fit ({@link WeakForm#discover} with the defaults: spectra, test
 * functions, weak system, MSTLS, noise estimate, provenance hash) on the PDE-FIND data
 * with 1% and 10% noise, after warm-up; prints the median and minimum of {@code runs}
 * fits, the median CPU time of the calling thread (the fit is single-threaded), and the
 * worst relative coefficient error. Run:
 * {@code java -cp <test classpath> io.physforge.core.weak.WeakFormBench [runs]}.
 */
public final class WeakFormBench {

	private WeakFormBench() {
	}

	public static void main(String[] args) {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		WeakFormSettings settings = WeakFormSettings.defaults();
		System.out.println("data set               noise  median ms  min ms  cpu ms  rows  max rel error  structure");
		for (String name : List.of("burgers", "kdv", "kuramoto_sivashinsky", "nls")) {
			for (double level : new double[] { 0.01, 0.1 }) {
				Field data = WeakTestData.noisy(WeakTestData.read(name), level, 1L);
				for (int i = 0; i < 5; i++) {
					WeakForm.discover(data, settings);
				}
				java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
				double[] ms = new double[runs];
				double[] cpu = new double[runs];
				DiscoveryResult r = null;
				for (int i = 0; i < runs; i++) {
					long c0 = mx.getCurrentThreadCpuTime();
					long t0 = System.nanoTime();
					r = WeakForm.discover(data, settings);
					ms[i] = (System.nanoTime() - t0) / 1e6;
					cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
				}
				Arrays.sort(ms);
				Arrays.sort(cpu);
				String structure = "";
				double err = 0;
				if (WeakTestData.TRUTH.containsKey(name)) {
					Map<String, Double> found = r.equation("u_t").coefficients();
					Map<String, Double> truth = WeakTestData.TRUTH.get(name);
					structure = found.keySet().equals(truth.keySet()) ? "exact" : r.equation("u_t").text();
					err = WeakTestData.maxRelativeError(found, truth);
				}
				else {
					structure = r.equation("u_t").text() + " ; " + r.equation("v_t").text();
				}
				System.out.printf(Locale.ROOT, "%-22s %5.2f %10.1f %7.1f %7.1f %5s %14.2e  %s%n", name, level,
						ms[runs / 2], ms[0], cpu[runs / 2], r.metrics().get("rows"), err, structure);
			}
		}
	}

}
