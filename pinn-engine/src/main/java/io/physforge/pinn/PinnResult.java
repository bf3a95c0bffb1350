package io.physforge.pinn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run.
 *
 * @param model the trained network, ready to evaluate and to save
 * @param coefficients learned values of the equation's named coefficients (empty without
 * an equation or with fixed ones only)
 * @param losses final losses: {@code total, data, pde, boundary, initial, regularisation}
 * @param steps Adam steps plus L-BFGS iterations actually run
 * @param durationMillis wall time of the training
 * @param history the loss curve as reported to the monitor
 * @param provenance inputs (description and SHA-256), settings, seed, engine version,
 * backend, timestamp
 */
public record PinnResult(PinnModel model, Map<String, Double> coefficients, Map<String, Double> losses, int steps,
		long durationMillis, List<TrainingProgress> history, Map<String, Object> provenance) {

	public PinnResult {
		coefficients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coefficients));
		losses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
		history = List.copyOf(history);
		provenance = Map.copyOf(provenance);
	}

	/**
	 * JSON-ready summary (no history): coefficients, losses, steps, durationMillis,
	 * provenance.
	 */
	public Map<String, Object> summary() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("coefficients", new LinkedHashMap<>(coefficients));
		m.put("losses", new LinkedHashMap<>(losses));
		m.put("epochs", steps);
		m.put("durationMillis", durationMillis);
		m.put("architecture", model.architecture());
		m.put("provenance", provenance);
		return m;
	}

}
