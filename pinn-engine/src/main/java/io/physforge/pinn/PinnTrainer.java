package io.physforge.pinn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.physforge.core.field.Field;
import io.physforge.pinn.internal.Backend;
import io.physforge.pinn.internal.Trainer;

/**
 * Trains physics-informed neural networks (Raissi, Perdikaris and Karniadakis,
 * "Physics-informed neural networks", J. Comput. Phys. 378, 686-707, 2019): a fully
 * connected tanh network {@code u(t, x)} fitted to data, initial and boundary values and
 * the residual of an equation at collocation points, by Adam and then L-BFGS, on
 * ND4J/SameDiff (CPU by default, CUDA with the {@code cuda} Maven profile).
 *
 * <p>
 * Uses: forward problems (equation, initial and boundary values, no data), inverse
 * problems (data and an equation with named coefficients, learned with the network) and
 * denoising (data only; the network is then a smooth surrogate whose derivatives feed
 * discovery). Accuracy measured on this machine (PinnAccuracyTest, docs/benchmarks.md):
 * Raissi's Burgers forward problem to a relative L2 error below 1e-2; both inverse
 * Burgers coefficients within 1% from 2,000 points with 1% noise. Deterministic for a
 * seed on one backend and thread count.
 */
public final class PinnTrainer {

	private PinnTrainer() {
	}

	/**
	 * Trains on {@code problem}.
	 * @throws IllegalArgumentException for an equation that does not fit the problem
	 * (naming the part), or nothing to fit
	 * @throws TrainingCancelledException when the monitor cancels
	 */
	public static PinnResult train(PinnProblem problem, PinnSettings settings, TrainingMonitor monitor) {
		return train(problem, settings, monitor, null, Map.of());
	}

	/**
	 * Trains on {@code problem} starting from the network {@code from} (same inputs,
	 * outputs and layers; null for fresh weights) and the named coefficients at
	 * {@code coefficients} (the others at zero).
	 */
	public static PinnResult train(PinnProblem problem, PinnSettings settings, TrainingMonitor monitor, PinnModel from,
			Map<String, Double> coefficients) {
		PinnEquation equation = (settings.pde() == null) ? null
				: PinnEquation.parse(settings.pde(), problem.outputs(), problem.inputs());
		long start = System.nanoTime();
		Trainer.Warm warm = (from == null) ? null
				: new Trainer.Warm(from.weights(), from.normalisation(), coefficients);
		Trainer.Outcome o = new Trainer(problem, settings, equation, monitor, warm).run();
		long millis = (System.nanoTime() - start) / 1_000_000;
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("losses", o.losses());
		metrics.put("steps", o.steps());
		metrics.put("durationMillis", millis);
		metrics.put("settings", settings.asMap());
		PinnModel model = new PinnModel(problem.inputs(), problem.outputs(), settings.hiddenLayers(),
				settings.activation(), o.normalisation(), o.weights(), o.coefficients(),
				(equation == null) ? null : equation.text(o.coefficients()), metrics);
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("input", problem.description());
		provenance.put("inputSha256", problem.inputSha256());
		provenance.put("settings", settings.asMap());
		provenance.put("seed", settings.seed());
		provenance.put("version", version());
		provenance.put("backend", Backend.describe());
		provenance.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		return new PinnResult(model, o.coefficients(), o.losses(), o.steps(), millis, o.history(), provenance);
	}

	/**
	 * Fits {@code data} (every field a network output) with
	 * {@link PinnSettings#dataPoints()} points drawn with the settings' seed, and the
	 * settings' equation if any.
	 */
	public static PinnResult train(Field data, PinnSettings settings, TrainingMonitor monitor) {
		PinnProblem problem = PinnProblem.fromField(data, settings.dataPoints(), settings.seed())
			.withInputSha256(io.physforge.core.discovery.internal.DataHash.of(data));
		return train(problem, settings, monitor);
	}

	/** The pinn-engine version (from the jar manifest, else the build's). */
	public static String version() {
		String v = PinnTrainer.class.getPackage().getImplementationVersion();
		return (v != null) ? v : "0.1.0-SNAPSHOT";
	}

}
