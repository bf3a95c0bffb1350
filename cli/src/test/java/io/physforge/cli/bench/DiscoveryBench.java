package io.physforge.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.simulate.Simulations;

/**
 * Time and peak heap of {@code Discovery.discover} with default settings (automatic
 * derivative choice: three pipelines) on burgers (101 x 256), kuramoto_sivashinsky (251 x
 * 1024) and a synthetic 10^7-point heat-equation grid (500 x 20 000), then an accuracy
 * sweep (clean reference data, 1% noise with several seeds, simulated sets). Usage:
 * {@code DiscoveryBench [datasets-folder]}.
 */
public final class DiscoveryBench {

	private DiscoveryBench() {
	}

	public static void main(String[] args) {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets").resolve("pde-find");
		System.out.printf(Locale.ROOT, "java %s, %d cpus, max heap %d MiB%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		// warm-up
		discover(DataSets.read(dir.resolve("burgers.npz")), DiscoverySettings.defaults());
		timed("burgers 101x256", DataSets.read(dir.resolve("burgers.npz")), DiscoverySettings.defaults());
		timed("kuramoto_sivashinsky 251x1024", DataSets.read(dir.resolve("kuramoto_sivashinsky.npz")),
				DiscoverySettings.defaults());
		timed("heat 500x20000 (10^7 points)", bigHeat(), DiscoverySettings.defaults());
		timed("heat 500x20000, fd only", bigHeat(), DiscoverySettings.defaults().withDerivative("fd"));
		DiscoverySettings weak = DiscoverySettings.defaults().withMethod("weak");
		timed("burgers 101x256, weak", DataSets.read(dir.resolve("burgers.npz")), weak);
		timed("burgers 101x256, 1% noise (auto: weak)", Noise.add(DataSets.read(dir.resolve("burgers.npz")), 0.01, 1),
				DiscoverySettings.defaults());
		timed("kuramoto_sivashinsky 251x1024, weak", DataSets.read(dir.resolve("kuramoto_sivashinsky.npz")), weak);
		timed("heat 500x20000 (10^7 points), weak", bigHeat(), weak);

		System.out.println();
		System.out.println("accuracy, clean reference data, default settings:");
		for (String name : new String[] { "burgers", "kdv", "kuramoto_sivashinsky", "nls" }) {
			Path file = dir.resolve(name + ".npz");
			if (Files.exists(file)) {
				report(name, discover(DataSets.read(file), DiscoverySettings.defaults()));
			}
		}
		System.out.println("accuracy, 1% noise:");
		for (String name : new String[] { "burgers", "kdv" }) {
			Field clean = DataSets.read(dir.resolve(name + ".npz"));
			for (long seed = 1; seed <= 3; seed++) {
				Field noisy = Noise.add(clean, 0.01, seed);
				report(name + " seed " + seed + " strong, time fd",
						discover(noisy, DiscoverySettings.defaults().withMethod("strong").withTimeDerivative("fd")));
				report(name + " seed " + seed + " strong",
						discover(noisy, DiscoverySettings.defaults().withMethod("strong")));
				report(name + " seed " + seed + " defaults (auto: weak)",
						discover(noisy, DiscoverySettings.defaults()));
			}
		}
		System.out.println("simulated (defaults; 1% also strong with time fd):");
		for (String name : new String[] { "heat", "advection-diffusion", "allen-cahn", "fisher-kpp" }) {
			Field f = Simulations.simulate(name, null, null);
			report(name + " clean " + Simulations.trueEquation(name, null), discover(f, DiscoverySettings.defaults()));
			Field noisy = Noise.add(f, 0.01, 1);
			report(name + " 1% strong, time fd",
					discover(noisy, DiscoverySettings.defaults().withMethod("strong").withTimeDerivative("fd")));
			report(name + " 1% defaults (auto: weak)", discover(noisy, DiscoverySettings.defaults()));
		}
	}

	private static DiscoveryResult discover(Field f, DiscoverySettings s) {
		return Discovery.discover(f, s);
	}

	private static void report(String label, DiscoveryResult r) {
		StringBuilder sb = new StringBuilder("  ").append(label).append(": ");
		for (DiscoveredEquation e : r.equations()) {
			sb.append(e.text()).append("; ");
		}
		System.out.println(sb);
	}

	private static void timed(String label, Field data, DiscoverySettings settings) {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long before = usedHeap();
		long t0 = System.nanoTime();
		DiscoveryResult r = Discovery.discover(data, settings);
		double seconds = (System.nanoTime() - t0) / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf(Locale.ROOT, "%-32s %7.2f s  peak heap %6d MiB (data %d MiB)  rows %s  %s%n", label, seconds,
				peak >> 20, before >> 20, r.metrics().get("rows"), r.equations().get(0).text());
	}

	private static long usedHeap() {
		Runtime rt = Runtime.getRuntime();
		return rt.totalMemory() - rt.freeMemory();
	}

	/** u_t = 0.1 u_xx: decaying Fourier modes, 500 times x 20 000 points. */
	static Field bigHeat() {
		int nt = 500;
		int nx = 20_000;
		Axis t = Axis.uniform("t", 0, 0.002, nt);
		Axis x = Axis.uniform("x", 0, 2 * Math.PI / nx, nx);
		double[] u = new double[nt * nx];
		double[] amp = { 1.0, 0.6, 0.3, 0.2 };
		for (int i = 0; i < nt; i++) {
			double[] decay = new double[4];
			for (int k = 1; k <= 4; k++) {
				decay[k - 1] = amp[k - 1] * Math.exp(-0.1 * k * k * t.at(i));
			}
			for (int j = 0; j < nx; j++) {
				double s = 0;
				for (int k = 1; k <= 4; k++) {
					s += decay[k - 1] * Math.sin(k * x.at(j) + 0.5 * k);
				}
				u[i * nx + j] = s;
			}
		}
		return new Field(Grid.of(t, x), Map.of("u", u));
	}

}
