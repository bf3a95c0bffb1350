package io.physforge.pinn.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import io.physforge.pinn.PinnDerivatives;
import io.physforge.pinn.PinnModel;
import io.physforge.pinn.PinnProblem;
import io.physforge.pinn.PinnResult;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.PinnTrainer;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;

/**
 * Discovery with PINN derivatives and physics in the loop
 * ({@link PinnDerivatives.Physics}) on a PDE-FIND file with noise. Arguments: file, noise
 * level, noise seed, then {@code key=value} options: PINN settings and physics keys as
 * for {@code --derivative-option}, and {@code start=PATH} to begin from a saved data-only
 * network (fitted with the same dataPoints and seed; fitted and saved there when the file
 * does not exist).
 */
public final class PinnPhysicsBench {

	private PinnPhysicsBench() {
	}

	public static void main(String[] args) throws Exception {
		String file = args[0];
		double noise = Double.parseDouble(args[1]);
		long noiseSeed = Long.parseLong(args[2]);
		Map<String, String> options = new LinkedHashMap<>();
		String start = null;
		String candidate = null;
		Map<String, Double> init = new LinkedHashMap<>();
		for (int i = 3; i < args.length; i++) {
			String k = args[i].substring(0, args[i].indexOf('='));
			String v = args[i].substring(args[i].indexOf('=') + 1);
			if (k.equals("start")) {
				start = v;
			}
			else if (k.equals("candidate")) {
				candidate = v;
			}
			else if (k.equals("init")) {
				for (String pair : v.split(",")) {
					init.put(pair.split(":")[0], Double.parseDouble(pair.split(":")[1]));
				}
			}
			else {
				options.put(k, v);
			}
		}
		Field field = Noise.add(DataSets.read(ReferenceData.pdeFind(file)), noise, noiseSeed);
		PinnSettings pinn = PinnDerivatives.settings(options, 1).withProgressEvery(100);
		PinnDerivatives.Physics physics = PinnDerivatives.Physics.from(options);
		DiscoverySettings settings = DiscoverySettings.defaults().withMethod("strong");
		TrainingMonitor monitor = new TrainingMonitor() {
			@Override
			public void progress(TrainingProgress p) {
				System.out.printf(Locale.ROOT, "%6d %-5s loss %.4e data %.4e pde %.4e %s %.1f s%n", p.step(), p.phase(),
						p.losses().get("total"), p.losses().get("data"), p.losses().get("pde"),
						p.coefficients().isEmpty() ? "" : p.coefficients().toString(), p.elapsedMillis() / 1000.0);
				System.out.flush();
			}
		};
		long t0 = System.nanoTime();
		DiscoveryResult r;
		if (start == null) {
			r = PinnDerivatives.discover(field, settings, pinn, physics, monitor);
		}
		else {
			PinnProblem problem = PinnProblem.fromField(field, pinn.dataPoints(), pinn.seed());
			PinnResult fit;
			if (java.nio.file.Files.exists(Path.of(start))) {
				PinnModel model = PinnModel.load(Path.of(start));
				fit = new PinnResult(model, Map.of(), Map.of(), 0, 0, List.of(), Map.of());
			}
			else {
				fit = PinnTrainer.train(problem, pinn, monitor);
				fit.model().save(Path.of(start));
			}
			if (candidate != null) {
				PinnResult c = PinnTrainer.train(problem, pinn.withPde(candidate).withEpochs(0, physics.iterations()),
						monitor, fit.model(), init);
				System.out.printf(Locale.ROOT, "candidate %s: %s misfit %.5e data-only %.5e%n", candidate,
						c.model().equation(), PinnDerivatives.dataMisfit(c.model(), problem),
						PinnDerivatives.dataMisfit(fit.model(), problem));
				return;
			}
			r = PinnDerivatives.discoverFrom(field, problem, fit, settings, pinn, physics, monitor);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> ph = (Map<String, Object>) r.metrics().get("physics");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rounds = (List<Map<String, Object>>) ph.get("rounds");
		for (Map<String, Object> round : rounds) {
			System.out.println("round " + round.get("loss") + " " + round.get("durationMillis") + " ms: "
					+ round.get("found") + " losses " + round.get("losses"));
		}
		for (DiscoveredEquation e : r.equations()) {
			System.out.println("FOUND " + e.text());
		}
		System.out.println("converged " + ph.get("converged") + "; cross-check " + r.metrics().get("crossCheck"));
		System.out.printf(Locale.ROOT, "%s noise %.2f seed %d %s: %.1f s%n", file, noise, noiseSeed, options,
				(System.nanoTime() - t0) / 1e9);
	}

}
