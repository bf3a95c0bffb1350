package io.physforge.pinn.internal;

import java.nio.file.Path;

import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time set-up of ND4J for PINN work: where JavaCPP unpacks its native libraries
 * (about 400 MB on first use) and how many threads the native code may use.
 *
 * <p>
 * The cache directory is {@code org.bytedeco.javacpp.cachedir} when set, else
 * {@code $PF_JAVACPP_CACHE}, else {@code ~/.cache/physforge/javacpp}: one deliberate
 * place, shared by every PhysForge process of the user, instead of JavaCPP's default
 * under {@code ~/.javacpp}. Off-heap memory (ND4J's arrays) may grow to
 * {@code $PF_PINN_MAX_OFFHEAP} (default {@code 4g}) whatever the heap size, unless
 * {@code org.bytedeco.javacpp.maxbytes} is set. Threads: {@code physforge.pinn.threads}
 * or {@code $PF_PINN_THREADS}, else the number of available processors. The small
 * matrices of a PINN (thousands of rows, tens of columns) gain little from many threads
 * and lose a lot when threads spin against other work, so set
 * {@code OMP_WAIT_POLICY=PASSIVE} in the environment of a shared machine (the launcher
 * scripts do).
 */
public final class Backend {

	private static volatile boolean initialised;

	private Backend() {
	}

	/** Sets the cache directory and thread counts once, before ND4J loads. */
	public static synchronized void init() {
		if (initialised) {
			return;
		}
		if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
			String env = System.getenv("PF_JAVACPP_CACHE");
			Path dir = (env != null && !env.isBlank()) ? Path.of(env)
					: Path.of(System.getProperty("user.home"), ".cache", "physforge", "javacpp");
			System.setProperty("org.bytedeco.javacpp.cachedir", dir.toString());
		}
		if (System.getProperty("org.bytedeco.javacpp.maxbytes") == null) {
			// JavaCPP caps off-heap memory at the heap's maximum by default: services run
			// with small heaps
			String env = System.getenv("PF_PINN_MAX_OFFHEAP");
			System.setProperty("org.bytedeco.javacpp.maxbytes", (env != null && !env.isBlank()) ? env : "4g");
			System.setProperty("org.bytedeco.javacpp.maxphysicalbytes", "0");
		}
		int threads = threads();
		Nd4j.getEnvironment().setMaxThreads(threads);
		Nd4j.getEnvironment().setMaxMasterThreads(threads);
		Nd4j.factory().blas().setMaxThreads(threads);
		initialised = true;
	}

	/** Threads the native code may use. */
	public static int threads() {
		String p = System.getProperty("physforge.pinn.threads", System.getenv("PF_PINN_THREADS"));
		if (p != null && !p.isBlank()) {
			try {
				return Math.max(1, Integer.parseInt(p.trim()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"PF_PINN_THREADS / physforge.pinn.threads must be a whole number, got '" + p + "'");
			}
		}
		return 1;
	}

	/** The backend in words, for provenance: {@code CpuBackend, 2 threads}. */
	public static String describe() {
		init();
		return Nd4j.getBackend().getClass().getSimpleName() + ", " + Nd4j.getEnvironment().maxThreads() + " threads";
	}

}
