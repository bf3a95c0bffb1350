package io.physforge.pinn.bench;

import java.util.List;
import java.util.Locale;

import io.physforge.core.field.Field;
import io.physforge.pinn.PinnModel;
import io.physforge.pinn.PinnResult;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.PinnTrainer;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;

/**
 * Raissi's Burgers forward problem: relative L2 error against the spectral reference as
 * training goes. Arguments: layers, Adam steps, L-BFGS iterations, collocation points.
 */
public final class RaissiForwardBench {

	private RaissiForwardBench() {
	}

	public static void main(String[] args) {
		String layers = (args.length > 0) ? args[0] : "4x32";
		int adam = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		int lbfgs = (args.length > 2) ? Integer.parseInt(args[2]) : 2000;
		int colloc = (args.length > 3) ? Integer.parseInt(args[3]) : 2000;
		Field reference = RaissiBurgers.reference(1024, 101);
		Field coarse = RaissiBurgers.reference(512, 101);
		System.out.printf(Locale.ROOT, "reference: 1024 vs 512 points differ by %.2e (relative L2 at common points)%n",
				RaissiBurgers.relativeL2(coarse, reference));
		PinnSettings settings = PinnSettings.defaults()
			.withLayers(PinnSettings.parseLayers(layers))
			.withPde(RaissiBurgers.PDE)
			.withPoints(0, colloc)
			.withEpochs(adam, lbfgs)
			.withProgressEvery(250);
		long start = System.nanoTime();
		PinnResult r = PinnTrainer.train(RaissiBurgers.problem(128), settings, new TrainingMonitor() {
			@Override
			public void progress(TrainingProgress p) {
				System.out.printf(Locale.ROOT, "%6d %-5s loss %.3e (pde %.3e, ic %.3e, bc %.3e) %.1f s%n", p.step(),
						p.phase(), p.losses().get("total"), p.losses().get("pde"), p.losses().get("initial"),
						p.losses().get("boundary"), p.elapsedMillis() / 1000.0);
			}
		});
		PinnModel m = r.model();
		double err = RaissiBurgers.relativeL2(m, reference);
		System.out.printf(Locale.ROOT, "%s adam %d lbfgs %d colloc %d: %d steps, %.1f s, relative L2 error %.3e%n",
				layers, adam, lbfgs, colloc, r.steps(), (System.nanoTime() - start) / 1e9, err);
	}

	static List<String> u() {
		return List.of("u");
	}

}
