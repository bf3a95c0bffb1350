package io.physforge.pinn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one PINN training run: network, equation, optimiser, sampling and loss
 * weights. Immutable; {@link #defaults()} then {@code with...} methods, or
 * {@link #fromMap} for a job's JSON parameters (the keys of {@link #asMap()}).
 *
 * @param hiddenLayers widths of the hidden layers ({@code 4x32} is {@code [32,32,32,32]})
 * @param activation activation of the hidden layers; {@code tanh}
 * @param pde equation whose residual enters the loss, such as
 * {@code u_t = c1*u*u_x + c2*u_xx} (named coefficients are trained, numbers are fixed);
 * {@code null} or blank for data loss only (denoising)
 * @param epochs Adam steps
 * @param learningRate Adam's initial step size (decayed by {@code learningRateDecay}
 * every 1,000 steps)
 * @param learningRateDecay factor applied to the step size every 1,000 Adam steps
 * @param lbfgsIterations L-BFGS iterations after Adam (0 for none)
 * @param dataPoints data points drawn from the field (0 = all of them), at most
 * {@value #MAX_DATA_POINTS}
 * @param collocationPoints points where the equation's residual is evaluated, at most
 * {@value #MAX_COLLOCATION_POINTS}
 * @param adaptiveRounds rounds of residual-based adaptive refinement (Lu, Meng, Mao and
 * Karniadakis, SIAM Rev. 63, 208-228, 2021): before each round of L-BFGS (or at equal
 * fractions of Adam without L-BFGS) the residual is evaluated at ten times
 * {@code collocationPoints} Latin-hypercube candidates and the
 * {@code collocationPoints / 2} worst are added; 0 keeps the first points only
 * @param dataWeight weight of the data loss
 * @param pdeWeight weight of the residual loss
 * @param boundaryWeight weight of the boundary loss
 * @param initialWeight weight of the initial-condition loss
 * @param l2 weight of the squared weights (regularisation)
 * @param progressEvery report progress every this many steps
 * @param patience stop after this many reports without improvement of the total loss by
 * 0.1% (0 = never stop early)
 * @param seed seed of the initial weights and of every sample
 */
public record PinnSettings(List<Integer> hiddenLayers, String activation, String pde, int epochs, double learningRate,
		double learningRateDecay, int lbfgsIterations, int dataPoints, int collocationPoints, int adaptiveRounds,
		double dataWeight, double pdeWeight, double boundaryWeight, double initialWeight, double l2, int progressEvery,
		int patience, long seed) {

	/** Activations offered. */
	public static final List<String> ACTIVATIONS = List.of("tanh");

	/**
	 * Most data points: a training batch is held in memory several times over (inputs,
	 * Taylor-mode derivatives, gradients), so the ranges are checked before any job is
	 * accepted.
	 */
	public static final int MAX_DATA_POINTS = 2_000_000;

	/**
	 * Most collocation points (adaptive rounds evaluate ten times as many candidates).
	 */
	public static final int MAX_COLLOCATION_POINTS = 500_000;

	/** Most L-BFGS iterations and the longest progress interval. */
	public static final int MAX_ITERATIONS = 1_000_000;

	public PinnSettings {
		hiddenLayers = List.copyOf(Objects.requireNonNull(hiddenLayers, "hiddenLayers"));
		activation = Objects.requireNonNull(activation, "activation").toLowerCase(Locale.ROOT);
		pde = (pde == null || pde.isBlank()) ? null : pde.trim();
		List<String> errors = new ArrayList<>();
		if (hiddenLayers.isEmpty() || hiddenLayers.size() > 16) {
			errors.add("layers: give 1 to 16 hidden layers, such as 4x32");
		}
		for (Integer w : hiddenLayers) {
			if (w == null || w < 1 || w > 1024) {
				errors.add("layers: every width must be 1 to 1024, got " + w);
			}
		}
		if (!ACTIVATIONS.contains(activation)) {
			errors.add("activation: '" + activation + "' is not offered; use one of " + ACTIVATIONS);
		}
		check(errors, epochs >= 0 && epochs <= 10_000_000, "epochs: must be 0 to 10,000,000, got " + epochs);
		check(errors, learningRate > 0 && learningRate < 1, "learningRate: must be in (0, 1), got " + learningRate);
		check(errors, learningRateDecay > 0 && learningRateDecay <= 1,
				"learningRateDecay: must be in (0, 1], got " + learningRateDecay);
		check(errors, lbfgsIterations >= 0 && lbfgsIterations <= MAX_ITERATIONS,
				"lbfgsIterations: must be 0 to 1,000,000, got " + lbfgsIterations);
		check(errors, epochs + lbfgsIterations > 0, "epochs + lbfgsIterations: nothing to train; give epochs > 0");
		check(errors, dataPoints >= 0 && dataPoints <= MAX_DATA_POINTS,
				"dataPoints: must be 0 (all) to 2,000,000, got " + dataPoints);
		check(errors, collocationPoints >= 0 && collocationPoints <= MAX_COLLOCATION_POINTS,
				"collocationPoints: must be 0 to 500,000, got " + collocationPoints);
		check(errors, adaptiveRounds >= 0 && adaptiveRounds <= 20,
				"adaptiveRounds: must be 0 to 20, got " + adaptiveRounds);
		check(errors, dataWeight >= 0 && pdeWeight >= 0 && boundaryWeight >= 0 && initialWeight >= 0 && l2 >= 0,
				"weights: loss weights must be >= 0");
		check(errors, progressEvery >= 1 && progressEvery <= MAX_ITERATIONS,
				"progressEvery: must be 1 to 1,000,000, got " + progressEvery);
		check(errors, patience >= 0 && patience <= 10_000_000, "patience: must be 0 to 10,000,000, got " + patience);
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException("invalid PINN settings: " + String.join("; ", errors));
		}
	}

	private static void check(List<String> errors, boolean ok, String message) {
		if (!ok) {
			errors.add(message);
		}
	}

	/**
	 * 4x32 tanh, no equation, 2,000 Adam steps at 1e-3 then up to 2,000 L-BFGS
	 * iterations, 2,000 data and 2,000 collocation points, two adaptive rounds, unit
	 * weights, seed 0.
	 */
	public static PinnSettings defaults() {
		return new PinnSettings(List.of(32, 32, 32, 32), "tanh", null, 2000, 1e-3, 0.9, 2000, 2000, 2000, 2, 1, 1, 1, 1,
				0, 100, 0, 0);
	}

	/** Parses {@code 4x32} or {@code 20,20,20} into hidden-layer widths. */
	public static List<Integer> parseLayers(String text) {
		Objects.requireNonNull(text, "layers");
		String s = text.trim().toLowerCase(Locale.ROOT);
		try {
			if (s.matches("\\d+x\\d+")) {
				int n = Integer.parseInt(s.substring(0, s.indexOf('x')));
				int w = Integer.parseInt(s.substring(s.indexOf('x') + 1));
				List<Integer> l = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					l.add(w);
				}
				return l;
			}
			List<Integer> l = new ArrayList<>();
			for (String part : s.split(",")) {
				l.add(Integer.parseInt(part.trim()));
			}
			return l;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"layers '" + text + "' is not DEPTHxWIDTH (4x32) or a list of widths (20,20,20)");
		}
	}

	public PinnSettings withLayers(List<Integer> v) {
		return new PinnSettings(v, activation, pde, epochs, learningRate, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, patience, seed);
	}

	public PinnSettings withPde(String v) {
		return new PinnSettings(hiddenLayers, activation, v, epochs, learningRate, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, patience, seed);
	}

	public PinnSettings withEpochs(int adamSteps, int lbfgs) {
		return new PinnSettings(hiddenLayers, activation, pde, adamSteps, learningRate, learningRateDecay, lbfgs,
				dataPoints, collocationPoints, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, patience, seed);
	}

	public PinnSettings withLearningRate(double v) {
		return new PinnSettings(hiddenLayers, activation, pde, epochs, v, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, patience, seed);
	}

	public PinnSettings withPoints(int data, int collocation) {
		return new PinnSettings(hiddenLayers, activation, pde, epochs, learningRate, learningRateDecay, lbfgsIterations,
				data, collocation, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, patience, seed);
	}

	public PinnSettings withWeights(double data, double residual, double boundary, double initial, double newL2) {
		return new PinnSettings(hiddenLayers, activation, pde, epochs, learningRate, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, adaptiveRounds, data, residual, boundary, initial, newL2, progressEvery,
				patience, seed);
	}

	public PinnSettings withAdaptiveRounds(int v) {
		return new PinnSettings(hiddenLayers, activation, pde, epochs, learningRate, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, v, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, patience, seed);
	}

	public PinnSettings withProgressEvery(int v) {
		return new PinnSettings(hiddenLayers, activation, pde, epochs, learningRate, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				v, patience, seed);
	}

	public PinnSettings withPatience(int v) {
		return new PinnSettings(hiddenLayers, activation, pde, epochs, learningRate, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, v, seed);
	}

	public PinnSettings withSeed(long v) {
		return new PinnSettings(hiddenLayers, activation, pde, epochs, learningRate, learningRateDecay, lbfgsIterations,
				dataPoints, collocationPoints, adaptiveRounds, dataWeight, pdeWeight, boundaryWeight, initialWeight, l2,
				progressEvery, patience, v);
	}

	/** The settings as JSON-ready values, keyed by the record's component names. */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("hiddenLayers", hiddenLayers);
		m.put("activation", activation);
		m.put("pde", pde);
		m.put("epochs", epochs);
		m.put("learningRate", learningRate);
		m.put("learningRateDecay", learningRateDecay);
		m.put("lbfgsIterations", lbfgsIterations);
		m.put("dataPoints", dataPoints);
		m.put("collocationPoints", collocationPoints);
		m.put("adaptiveRounds", adaptiveRounds);
		m.put("dataWeight", dataWeight);
		m.put("pdeWeight", pdeWeight);
		m.put("boundaryWeight", boundaryWeight);
		m.put("initialWeight", initialWeight);
		m.put("l2", l2);
		m.put("progressEvery", progressEvery);
		m.put("patience", patience);
		m.put("seed", seed);
		return m;
	}

	/**
	 * Settings from JSON-like values (a job's parameters): keys of {@link #asMap()}, plus
	 * {@code layers} as {@code "4x32"}; missing keys take {@link #defaults()}.
	 * @throws IllegalArgumentException naming an unknown key or a value of the wrong type
	 */
	public static PinnSettings fromMap(Map<String, ?> values) {
		PinnSettings d = defaults();
		Map<String, Object> m = new LinkedHashMap<>(d.asMap());
		for (Map.Entry<String, ?> e : values.entrySet()) {
			if (e.getKey().equals("layers")) {
				m.put("hiddenLayers", parseLayers(String.valueOf(e.getValue())));
			}
			else if (!m.containsKey(e.getKey())) {
				throw new IllegalArgumentException(
						"unknown PINN setting '" + e.getKey() + "'; known: layers, " + String.join(", ", m.keySet()));
			}
			else {
				m.put(e.getKey(), e.getValue());
			}
		}
		try {
			Object layers = m.get("hiddenLayers");
			List<Integer> widths = (layers instanceof String s) ? parseLayers(s) : toInts((List<?>) layers);
			return new PinnSettings(widths, (String) m.get("activation"), (String) m.get("pde"), integer(m, "epochs"),
					real(m, "learningRate"), real(m, "learningRateDecay"), integer(m, "lbfgsIterations"),
					integer(m, "dataPoints"), integer(m, "collocationPoints"), integer(m, "adaptiveRounds"),
					real(m, "dataWeight"), real(m, "pdeWeight"), real(m, "boundaryWeight"), real(m, "initialWeight"),
					real(m, "l2"), integer(m, "progressEvery"), integer(m, "patience"),
					((Number) m.get("seed")).longValue());
		}
		catch (ClassCastException ex) {
			throw new IllegalArgumentException("a PINN setting has the wrong type: " + ex.getMessage()
					+ "; numbers must be numbers, hiddenLayers a list of widths or \"4x32\"");
		}
	}

	private static List<Integer> toInts(List<?> list) {
		List<Integer> out = new ArrayList<>();
		for (Object o : list) {
			out.add(((Number) o).intValue());
		}
		return out;
	}

	private static int integer(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).intValue();
	}

	private static double real(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).doubleValue();
	}

}
