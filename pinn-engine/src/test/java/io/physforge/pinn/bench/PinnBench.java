package io.physforge.pinn.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

import io.physforge.pinn.PinnProblem;
import io.physforge.pinn.PinnResult;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.PinnTrainer;
import io.physforge.pinn.TrainingMonitor;

/**
 * Adam steps per second of a 4x32 tanh network on the Burgers residual with 2,000
 * collocation points (plus 256 initial and boundary points), and peak memory. Run with
 * {@code ./mvnw -pl physics-core,pinn-engine -am test-compile} then
 * {@code java -cp ... io.physforge.pinn.bench.PinnBench [steps] [collocation] [layers]}.
 */
public final class PinnBench {

	private PinnBench() {
	}

	public static void main(String[] args) {
		int steps = (args.length > 0) ? Integer.parseInt(args[0]) : 300;
		int collocation = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		List<Integer> layers = PinnSettings.parseLayers((args.length > 2) ? args[2] : "4x32");
		PinnProblem problem = RaissiBurgers.problem(128);
		PinnSettings settings = PinnSettings.defaults()
			.withLayers(layers)
			.withPde(RaissiBurgers.PDE)
			.withPoints(0, collocation)
			.withEpochs(20, 0);
		PinnTrainer.train(problem, settings, TrainingMonitor.NONE);
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		long before = System.nanoTime();
		PinnResult r = PinnTrainer.train(problem, settings.withEpochs(steps, 0), TrainingMonitor.NONE);
		double seconds = (System.nanoTime() - before) / 1e9;
		double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		long offHeap = org.bytedeco.javacpp.Pointer.physicalBytes();
		System.out.printf(Locale.ROOT,
				"network %s, %d collocation points: %d Adam steps in %.2f s = %.1f steps/s (%.1f ms/step, %.1f ms CPU/step); "
						+ "heap used %.0f MiB, process resident %.0f MiB; final loss %.3e%n",
				layers, collocation, steps, seconds, steps / seconds, 1000 * seconds / steps, 1000 * cpu / steps,
				heap / 1048576.0, offHeap / 1048576.0, r.losses().get("total"));
	}

}
