package io.physforge.pinn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.pinn.internal.Evaluator;
import io.physforge.pinn.internal.Normalisation;

/**
 * A trained network: architecture, normalisation, weights, learned coefficients and
 * training metrics. Evaluates the fields and their derivatives (up to order 4, mixed in
 * up to two inputs) on a grid or at points, and saves to / loads from a JSON checkpoint
 * ({@code format: physforge-pinn/1}). Immutable; evaluation is thread-safe.
 */
public final class PinnModel {

	/** Checkpoint format tag. */
	public static final String FORMAT = "physforge-pinn/1";

	private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

	private final List<String> inputs;

	private final List<String> outputs;

	private final List<Integer> hiddenLayers;

	private final String activation;

	private final Normalisation normalisation;

	private final List<double[][]> weights;

	private final Map<String, Double> coefficients;

	private final String equation;

	private final Map<String, Object> metrics;

	private final Map<String, Evaluator> evaluators = new LinkedHashMap<>();

	public PinnModel(List<String> inputs, List<String> outputs, List<Integer> hiddenLayers, String activation,
			Normalisation normalisation, List<double[][]> weights, Map<String, Double> coefficients, String equation,
			Map<String, Object> metrics) {
		this.inputs = List.copyOf(inputs);
		this.outputs = List.copyOf(outputs);
		this.hiddenLayers = List.copyOf(hiddenLayers);
		this.activation = Objects.requireNonNull(activation);
		this.normalisation = Objects.requireNonNull(normalisation);
		this.weights = List.copyOf(weights);
		this.coefficients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
		this.equation = equation;
		this.metrics = Map.copyOf(metrics);
		if (weights.size() != 2 * (hiddenLayers.size() + 1)) {
			throw new IllegalArgumentException("a network with " + hiddenLayers.size() + " hidden layers needs "
					+ 2 * (hiddenLayers.size() + 1) + " weight arrays, got " + weights.size());
		}
	}

	public List<String> inputs() {
		return this.inputs;
	}

	public List<String> outputs() {
		return this.outputs;
	}

	public Map<String, Double> coefficients() {
		return this.coefficients;
	}

	/**
	 * The equation the network was trained with, coefficients filled in; null without
	 * one.
	 */
	public String equation() {
		return this.equation;
	}

	public Map<String, Object> metrics() {
		return this.metrics;
	}

	/** The weights (W then b per layer), for a warm start. */
	List<double[][]> weights() {
		return this.weights;
	}

	Normalisation normalisation() {
		return this.normalisation;
	}

	/** Trainable parameters of the network (weights and biases). */
	public int parameterCount() {
		int n = 0;
		for (double[][] w : this.weights) {
			n += w.length * w[0].length;
		}
		return n;
	}

	/** JSON-ready architecture: inputs, outputs, hiddenLayers, activation, parameters. */
	public Map<String, Object> architecture() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("inputs", this.inputs);
		m.put("outputs", this.outputs);
		m.put("hiddenLayers", this.hiddenLayers);
		m.put("activation", this.activation);
		m.put("parameters", parameterCount());
		return m;
	}

	/**
	 * Values of the named quantities at physical points.
	 * @param names {@code u}, {@code u_t}, {@code u_xx}, {@code u_xy}...
	 * @param points {@code n x inputs}, in the order of {@link #inputs()}
	 * @throws IllegalArgumentException for a name the network cannot give
	 */
	public Map<String, double[]> evaluate(List<String> names, double[][] points) {
		for (double[] p : points) {
			if (p.length != this.inputs.size()) {
				throw new IllegalArgumentException(
						"points need " + this.inputs.size() + " coordinates " + this.inputs + ", got " + p.length);
			}
		}
		return evaluator(names).evaluate(points);
	}

	/**
	 * The named quantities on every point of {@code grid}, as a {@link Field} with one
	 * field per name. The grid's axes must be the network's inputs, in order.
	 */
	public Field evaluate(Grid grid, List<String> names) {
		List<String> axes = grid.axes().stream().map((a) -> a.name()).toList();
		if (!axes.equals(this.inputs)) {
			throw new IllegalArgumentException("the grid's axes " + axes + " are not the network's inputs "
					+ this.inputs + "; use a grid over " + this.inputs);
		}
		int n = grid.size();
		int[] shape = grid.shape();
		double[][] points = new double[n][grid.rank()];
		for (int i = 0; i < n; i++) {
			int rest = i;
			for (int d = grid.rank() - 1; d >= 0; d--) {
				points[i][d] = grid.axes().get(d).at(rest % shape[d]);
				rest /= shape[d];
			}
		}
		Map<String, double[]> values = evaluate(names, points);
		return new Field(grid, values);
	}

	private synchronized Evaluator evaluator(List<String> names) {
		String key = String.join(",", names);
		return this.evaluators.computeIfAbsent(key,
				(k) -> new Evaluator(this.weights, this.inputs, this.outputs, this.normalisation, names));
	}

	/** Writes the checkpoint (JSON, UTF-8). */
	public void save(OutputStream out) throws IOException {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", FORMAT);
		m.put("architecture", architecture());
		Map<String, Object> norm = new LinkedHashMap<>();
		norm.put("center", this.normalisation.center());
		norm.put("half", this.normalisation.half());
		norm.put("mean", this.normalisation.mean());
		norm.put("scale", this.normalisation.scale());
		m.put("normalisation", norm);
		m.put("weights", this.weights);
		m.put("coefficients", this.coefficients);
		m.put("equation", this.equation);
		m.put("metrics", this.metrics);
		JSON.writeValue(new NonClosing(out), m);
	}

	/** Writes the checkpoint to a file. */
	public void save(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			save(out);
		}
	}

	/**
	 * Reads a checkpoint written by {@link #save}.
	 * @throws IOException if it cannot be read, or is not a PhysForge PINN checkpoint
	 * (the message says which part is wrong)
	 */
	public static PinnModel load(InputStream in) throws IOException {
		Map<String, Object> m;
		try {
			m = JSON.readValue(in, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			throw new IOException(
					"not a PINN checkpoint (expected JSON with format " + FORMAT + "): " + ex.getMessage(), ex);
		}
		if (!FORMAT.equals(m.get("format"))) {
			throw new IOException("not a PINN checkpoint: format is " + m.get("format") + ", expected " + FORMAT);
		}
		try {
			Map<String, Object> arch = map(m.get("architecture"));
			Map<String, Object> norm = map(m.get("normalisation"));
			Normalisation n = new Normalisation(doubles(norm.get("center")), doubles(norm.get("half")),
					doubles(norm.get("mean")), doubles(norm.get("scale")));
			List<double[][]> weights = new ArrayList<>();
			for (Object w : (List<?>) m.get("weights")) {
				List<?> rows = (List<?>) w;
				double[][] a = new double[rows.size()][];
				for (int i = 0; i < rows.size(); i++) {
					a[i] = doubles(rows.get(i));
				}
				weights.add(a);
			}
			Map<String, Double> coefficients = new LinkedHashMap<>();
			map(m.get("coefficients")).forEach((k, v) -> coefficients.put(k, ((Number) v).doubleValue()));
			List<Integer> hidden = ((List<?>) arch.get("hiddenLayers")).stream()
				.map((o) -> ((Number) o).intValue())
				.toList();
			return new PinnModel(strings(arch.get("inputs")), strings(arch.get("outputs")), hidden,
					(String) arch.get("activation"), n, weights, coefficients, (String) m.get("equation"),
					map(m.get("metrics")));
		}
		catch (RuntimeException ex) {
			throw new IOException("PINN checkpoint is damaged: " + ex, ex);
		}
	}

	/** Reads a checkpoint file. */
	public static PinnModel load(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return load(in);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object o) {
		return (o == null) ? Map.of() : (Map<String, Object>) o;
	}

	private static List<String> strings(Object o) {
		return ((List<?>) o).stream().map(String::valueOf).toList();
	}

	private static double[] doubles(Object o) {
		List<?> l = (List<?>) o;
		double[] a = new double[l.size()];
		for (int i = 0; i < a.length; i++) {
			a[i] = ((Number) l.get(i)).doubleValue();
		}
		return a;
	}

	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
