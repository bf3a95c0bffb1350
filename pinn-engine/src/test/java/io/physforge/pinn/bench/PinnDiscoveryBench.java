package io.physforge.pinn.bench;

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
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;

/**
 * Discovery with PINN derivatives on a PDE-FIND file with noise. Arguments: file, noise
 * level, then {@code key=value} PINN options (layers=4x32, epochs=...,
 * lbfgsIterations=..., dataPoints=...).
 */
public final class PinnDiscoveryBench {

	private PinnDiscoveryBench() {
	}

	public static void main(String[] args) {
		String file = (args.length > 0) ? args[0] : "burgers.h5";
		double noise = (args.length > 1) ? Double.parseDouble(args[1]) : 0.1;
		Map<String, String> options = new java.util.LinkedHashMap<>();
		for (int i = 2; i < args.length; i++) {
			options.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
		}
		Field field = Noise.add(DataSets.read(ReferenceData.pdeFind(file)), noise, 1);
		PinnSettings pinn = PinnDerivatives.settings(options, 1).withProgressEvery(250);
		long start = System.nanoTime();
		DiscoverySettings settings = DiscoverySettings.defaults().withMethod("strong");
		java.util.List<String> names = io.physforge.core.discovery.Discovery.requiredDerivatives(field.grid(),
				field.fieldNames(), settings);
		PinnDerivatives.Features f = PinnDerivatives.features(field, names, pinn, new TrainingMonitor() {
			@Override
			public void progress(TrainingProgress p) {
				System.out.printf(Locale.ROOT, "%6d %-5s loss %.4e %.1f s%n", p.step(), p.phase(),
						p.losses().get("total"), p.elapsedMillis() / 1000.0);
				System.out.flush();
			}
		});
		try {
			f.fit().model().save(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), file + ".pinn.json"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		for (String selection : java.util.List.of("method", "aic", "bic")) {
			for (int ensemble : new int[] { 0, 100 }) {
				DiscoveryResult r = io.physforge.core.discovery.Discovery.discoverFromDerivatives(f.features(),
						field.fieldNames(), settings.withSelection(selection).withEnsemble(ensemble, 0.7, 1.0),
						Map.of());
				for (DiscoveredEquation e : r.equations()) {
					System.out.println(selection + " ensemble " + ensemble + ": " + e.text());
				}
			}
		}
		System.out.printf(Locale.ROOT, "%s noise %.2f %s: %.1f s%n", file, noise, options,
				(System.nanoTime() - start) / 1e9);
	}

}
