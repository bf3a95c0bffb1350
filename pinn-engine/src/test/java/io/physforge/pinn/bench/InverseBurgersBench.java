package io.physforge.pinn.bench;

import java.util.Locale;

import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import io.physforge.pinn.PinnResult;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.PinnTrainer;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;

/**
 * Inverse Burgers on PDE-FIND's burgers.h5 with noise: learned coefficients of
 * {@code u_t = c1*u*u_x + c2*u_xx} against (-1, 0.1). Arguments: noise level, data
 * points, layers, Adam steps, L-BFGS iterations, collocation points, seed.
 */
public final class InverseBurgersBench {

	private InverseBurgersBench() {
	}

	public static void main(String[] args) {
		double noise = (args.length > 0) ? Double.parseDouble(args[0]) : 0.01;
		int data = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		String layers = (args.length > 2) ? args[2] : "4x32";
		int adam = (args.length > 3) ? Integer.parseInt(args[3]) : 1000;
		int lbfgs = (args.length > 4) ? Integer.parseInt(args[4]) : 2000;
		int colloc = (args.length > 5) ? Integer.parseInt(args[5]) : 2000;
		long seed = (args.length > 6) ? Long.parseLong(args[6]) : 1;
		Field field = Noise.add(DataSets.read(ReferenceData.pdeFind("burgers.h5")), noise, seed);
		PinnSettings settings = PinnSettings.defaults()
			.withLayers(PinnSettings.parseLayers(layers))
			.withPde("u_t = c1*u*u_x + c2*u_xx")
			.withPoints(data, colloc)
			.withEpochs(adam, lbfgs)
			.withSeed(seed)
			.withProgressEvery(250);
		PinnResult r = PinnTrainer.train(field, settings, new TrainingMonitor() {
			@Override
			public void progress(TrainingProgress p) {
				System.out.printf(Locale.ROOT, "%6d %-5s loss %.3e (data %.3e, pde %.3e) c1 %.5f c2 %.5f %.1f s%n",
						p.step(), p.phase(), p.losses().get("total"), p.losses().get("data"), p.losses().get("pde"),
						p.coefficients().get("c1"), p.coefficients().get("c2"), p.elapsedMillis() / 1000.0);
			}
		});
		double e1 = Math.abs(r.coefficients().get("c1") + 1.0);
		double e2 = Math.abs(r.coefficients().get("c2") - 0.1) / 0.1;
		System.out.printf(Locale.ROOT,
				"noise %.3f, %d points, %s, adam %d lbfgs %d colloc %d: c1 %.5f (%.3f%%) c2 %.5f (%.3f%%) in %d steps, %.1f s%n",
				noise, data, layers, adam, lbfgs, colloc, r.coefficients().get("c1"), 100 * e1,
				r.coefficients().get("c2"), 100 * e2, r.steps(), r.durationMillis() / 1000.0);
	}

}
