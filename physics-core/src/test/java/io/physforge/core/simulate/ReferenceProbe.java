package io.physforge.core.simulate;

import org.jetbrains.bio.npy.NpyArray;
import org.junit.jupiter.api.Test;

class ReferenceProbe {

	@Test
	void probe() {
		for (String eq : new String[] { "burgers", "kuramoto-sivashinsky", "kdv", "nls" }) {
			String file = eq.equals("kuramoto-sivashinsky") ? "kuramoto_sivashinsky.npz" : eq + ".npz";
			NpyArray u = ReferenceData.npz(file, "u");
			double[] x = ReferenceData.npz(file, "x").asDoubleArray();
			double[] ref = u.asDoubleArray();
			long t0 = System.nanoTime();
			var r = Simulations.simulateWithProvenance(eq, null, null);
			long ms = (System.nanoTime() - t0) / 1_000_000;
			double[] sim = r.field().values("u");
			double[] sx = r.field().grid().axis("x").values();
			int nx = x.length;
			int nt = u.getShape()[0];
			double dxmax = 0;
			for (int j = 0; j < nx; j++) {
				dxmax = Math.max(dxmax, Math.abs(sx[j] - x[j]));
			}
			StringBuilder sb = new StringBuilder(eq + " " + ms + "ms steps=" + r.provenance().steps() + " h="
					+ r.provenance().minTimeStep() + ".." + r.provenance().maxTimeStep() + " dx=" + dxmax + "\n");
			for (int i = 0; i < nt; i += nt / 10) {
				double e = 0, m = 0;
				for (int j = 0; j < nx; j++) {
					e = Math.max(e, Math.abs(sim[i * nx + j] - ref[i * nx + j]));
					m = Math.max(m, Math.abs(ref[i * nx + j]));
				}
				sb.append(String.format("  i=%d err=%.3e max=%.3f%n", i, e, m));
			}
			System.out.println(sb);
		}
	}

}
