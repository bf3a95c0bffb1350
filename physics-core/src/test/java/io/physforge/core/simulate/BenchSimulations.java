package io.physforge.core.simulate;

import io.physforge.core.field.Field;

/**
 * Prints the wall-clock time of every built-in simulation with its default settings (best
 * of {@code repeats} runs after one warm-up run). Run with the test class path:
 * {@code java -cp ... io.physforge.core.simulate.BenchSimulations [repeats [names...]]}.
 */
public final class BenchSimulations {

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private BenchSimulations() {
	}

	public static void main(String[] args) {
		int repeats = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		System.out.printf("%-22s %-18s %8s %10s %10s %12s%n", "equation", "grid (t x space)", "steps", "first ms",
				"best ms", "best cpu ms");
		java.util.List<String> names = (args.length > 1) ? java.util.List.of(args).subList(1, args.length)
				: Simulations.names();
		for (String name : names) {
			long first = 0;
			long best = Long.MAX_VALUE;
			long bestCpu = Long.MAX_VALUE;
			SimulationResult r = null;
			for (int i = 0; i <= repeats; i++) {
				long t0 = System.nanoTime();
				long c0 = THREADS.getCurrentThreadCpuTime();
				r = Simulations.simulateWithProvenance(name, null, null);
				long ms = (System.nanoTime() - t0) / 1_000_000;
				long cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1_000_000;
				if (i == 0) {
					first = ms;
				}
				else {
					best = Math.min(best, ms);
					bestCpu = Math.min(bestCpu, cpu);
				}
			}
			Field f = r.field();
			int[] shape = f.grid().shape();
			StringBuilder grid = new StringBuilder();
			for (int d = 0; d < shape.length; d++) {
				grid.append(d == 0 ? "" : "x").append(shape[d]);
			}
			System.out.printf("%-22s %-18s %8d %10d %10d %12d%n", name, grid, r.provenance().steps(), first, best,
					bestCpu);
		}
	}

}
