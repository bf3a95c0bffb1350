package io.physforge.core.derivative;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;

/**
 * Time and memory of every differentiator on a 10^7-point grid ({@code t} 1000 points by
 * {@code x} 10000 points), along both axes, and of finite differences and PolyDiff on a
 * non-uniform {@code x}. Not a test: run it by hand from the repository root:
 *
 * <pre>
 * ./mvnw -q -pl physics-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp physics-core/target/classes:physics-core/target/test-classes:$(cat physics-core/target/cp.txt) \
 *     io.physforge.core.derivative.DerivativeBench
 * </pre>
 *
 * Prints, per method and axis, the best of three timed calls (after one warm-up) and the
 * bytes the call allocated (one result array is 80 MB).
 */
public final class DerivativeBench {

	private DerivativeBench() {
	}

	public static void main(String[] args) {
		int nt = 1000;
		int nx = 10000;
		Axis t = Axis.uniform("t", 0, 0.01, nt);
		Axis x = Axis.uniform("x", 0, 2 * Math.PI / nx, nx);
		double[] stretched = new double[nx];
		for (int i = 0; i < nx; i++) {
			double s = (double) i / nx;
			stretched[i] = 2 * Math.PI * (s + 0.05 * Math.sin(2 * Math.PI * s) / (2 * Math.PI));
		}
		Grid uniform = Grid.of(t, x);
		Grid nonUniform = Grid.of(t, new Axis("x", stretched));
		double[] u = new double[uniform.size()];
		for (int i = 0; i < nt; i++) {
			for (int j = 0; j < nx; j++) {
				u[i * nx + j] = Math.sin(x.at(j) + 0.3 * t.at(i)) * Math.exp(-0.1 * t.at(i));
			}
		}
		System.out.printf(Locale.ROOT, "grid t[%d] x x[%d] = %d points, input %.0f MB, max heap %.0f MB%n", nt, nx,
				u.length, u.length * 8 / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
		System.out.printf(Locale.ROOT, "%-44s %-4s %5s %10s %14s%n", "method", "axis", "order", "best ms",
				"allocated MB");
		List<Differentiator> methods = List.of(new FiniteDifference(), new FiniteDifference(8), new PolynomialFit(),
				new SavitzkyGolay(), new Spectral(), new Spectral(Spectral.Filter.EXPONENTIAL));
		for (Differentiator d : methods) {
			for (String axis : List.of("x", "t")) {
				for (int order : new int[] { 1, 3 }) {
					run(d, uniform, u, axis, order, "");
				}
			}
		}
		run(new FiniteDifference(), nonUniform, u, "x", 2, " non-uniform x");
		run(new PolynomialFit(), nonUniform, u, "x", 2, " non-uniform x");
	}

	private static void run(Differentiator d, Grid grid, double[] u, String axis, int order, String note) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long id = Thread.currentThread().getId();
		d.differentiate(grid, u, axis, order);
		long best = Long.MAX_VALUE;
		long allocated = 0;
		double checksum = 0;
		for (int rep = 0; rep < 3; rep++) {
			long before = threads.getThreadAllocatedBytes(id);
			long start = System.nanoTime();
			double[] du = d.differentiate(grid, u, axis, order);
			long elapsed = System.nanoTime() - start;
			allocated = threads.getThreadAllocatedBytes(id) - before;
			best = Math.min(best, elapsed);
			checksum += du[du.length / 2];
		}
		System.out.printf(Locale.ROOT, "%-44s %-4s %5d %10.0f %14.1f   (checksum %.3g)%n", d + note, axis, order,
				best / 1e6, allocated / 1e6, checksum);
	}

}
