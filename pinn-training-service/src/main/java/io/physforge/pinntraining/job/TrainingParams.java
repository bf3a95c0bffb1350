package io.physforge.pinntraining.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.pinn.PinnSettings;
import io.physforge.platform.problem.Problems.FieldError;

/**
 * Reads a training job's parameters (the REST request's {@code settings}, or a pipeline
 * step's {@code params}) into pinn-engine's {@link PinnSettings} plus this service's
 * {@code noise}, reporting <em>every</em> offending member, not only the first.
 * <p>
 * Members: those of {@link PinnSettings#asMap()} ({@code hiddenLayers}, {@code pde},
 * {@code epochs}, {@code lbfgsIterations}, {@code dataPoints}, {@code collocationPoints},
 * {@code seed}, ...), {@code layers} ({@code "4x32"} or {@code "20,20,20"}), and
 * {@code noise}: relative Gaussian noise added to the data before training ({@code 0.05}
 * = 5% of each field's standard deviation, drawn with {@code seed}; for demonstrations
 * and tests), 0 to 1, default 0. Missing members take {@link PinnSettings#defaults()}.
 */
public final class TrainingParams {

	/** The member for the noise level. */
	public static final String NOISE = "noise";

	private static final String PREFIX = "invalid PINN settings: ";

	private TrainingParams() {
	}

	/**
	 * The names a job's parameters may use.
	 * @return the names, sorted
	 */
	public static Set<String> names() {
		Set<String> names = new TreeSet<>(PinnSettings.defaults().asMap().keySet());
		names.add("layers");
		names.add(NOISE);
		return names;
	}

	/**
	 * Reads parameters.
	 * @param params a JSON object, or {@code null}/{@code {}} for the defaults
	 * @return the configuration
	 * @throws InvalidParamsException listing every offending member
	 */
	public static TrainingConfig read(JsonNode params) {
		if (params == null || params.isNull() || params.isMissingNode()) {
			return new TrainingConfig(PinnSettings.defaults(), 0);
		}
		List<FieldError> errors = new ArrayList<>();
		if (!params.isObject()) {
			errors.add(new FieldError("", "must be a JSON object such as {\"layers\":\"4x32\",\"epochs\":2000}, got "
					+ params.getNodeType()));
			throw new InvalidParamsException(errors);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		double noise = 0;
		Set<String> known = names();
		if (params.has("layers") && params.has("hiddenLayers")) {
			errors.add(new FieldError("layers", "give either layers or hiddenLayers, not both"));
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> member = it.next();
			String name = member.getKey();
			JsonNode value = member.getValue();
			if (!known.contains(name)) {
				errors.add(new FieldError(name, "is not a PINN setting; use any of " + known));
				continue;
			}
			if (value == null || value.isNull()) {
				continue;
			}
			String problem = read(name, value, values);
			if (problem != null) {
				errors.add(new FieldError(name, problem));
			}
		}
		if (values.containsKey(NOISE)) {
			noise = (Double) values.remove(NOISE);
			if (!Double.isFinite(noise) || noise < 0 || noise > 1) {
				errors.add(new FieldError(NOISE,
						"must be 0 to 1 (0.05 = 5% of each field's standard deviation), got " + params.get(NOISE)));
			}
		}
		PinnSettings settings = null;
		try {
			settings = PinnSettings.fromMap(values);
		}
		catch (IllegalArgumentException ex) {
			errors.addAll(split(ex.getMessage()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidParamsException(errors);
		}
		return new TrainingConfig(settings, noise);
	}

	/**
	 * Reads one member, typed as pinn-engine's default for it (so settings the engine
	 * adds are read without a change here).
	 */
	private static String read(String name, JsonNode value, Map<String, Object> values) {
		if (name.equals("layers") || name.equals("hiddenLayers")) {
			return layers(value, values);
		}
		Object example = name.equals(NOISE) ? Double.valueOf(0) : PinnSettings.defaults().asMap().get(name);
		if (example instanceof Integer) {
			if (!value.isIntegralNumber() || !value.canConvertToInt()) {
				return "must be an integer, got " + value;
			}
			values.put(name, value.intValue());
		}
		else if (example instanceof Long) {
			if (!value.isIntegralNumber() || !value.canConvertToLong()) {
				return "must be an integer, got " + value;
			}
			values.put(name, value.longValue());
		}
		else if (example instanceof Number) {
			if (!value.isNumber()) {
				return "must be a number, got " + value;
			}
			values.put(name, value.doubleValue());
		}
		else {
			if (!value.isTextual()) {
				return "must be a string, got " + value;
			}
			values.put(name, value.asText());
		}
		return null;
	}

	private static String layers(JsonNode value, Map<String, Object> values) {
		if (value.isTextual()) {
			try {
				values.put("hiddenLayers", PinnSettings.parseLayers(value.asText()));
				return null;
			}
			catch (IllegalArgumentException ex) {
				return ex.getMessage();
			}
		}
		if (value.isArray()) {
			List<Integer> widths = new ArrayList<>();
			for (JsonNode width : value) {
				if (!width.isIntegralNumber() || !width.canConvertToInt()) {
					return "must be DEPTHxWIDTH such as \"4x32\" or a list of widths such as [20,20,20], got " + value;
				}
				widths.add(width.intValue());
			}
			values.put("hiddenLayers", widths);
			return null;
		}
		return "must be DEPTHxWIDTH such as \"4x32\" or a list of widths such as [20,20,20], got " + value;
	}

	/**
	 * Splits pinn-engine's {@code invalid PINN settings: a: ...; b: ...} into one error
	 * per setting ({@code layers} for {@code hiddenLayers}).
	 */
	static List<FieldError> split(String message) {
		List<FieldError> errors = new ArrayList<>();
		String text = (message != null) ? message : "invalid PINN settings";
		if (!text.startsWith(PREFIX)) {
			errors.add(new FieldError("settings", text));
			return errors;
		}
		for (String part : text.substring(PREFIX.length()).split("; ")) {
			int colon = part.indexOf(": ");
			if (colon > 0) {
				errors.add(new FieldError(part.substring(0, colon), part.substring(colon + 2)));
			}
			else {
				errors.add(new FieldError("settings", part));
			}
		}
		return errors;
	}

	/**
	 * Parameters that cannot be used; {@link #errors()} names each offending member.
	 */
	public static final class InvalidParamsException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final transient List<FieldError> errors;

		InvalidParamsException(List<FieldError> errors) {
			super("invalid PINN parameters: " + String.join("; ",
					errors.stream().map((e) -> (e.field().isEmpty() ? "" : e.field() + " ") + e.message()).toList()));
			this.errors = List.copyOf(errors);
		}

		/**
		 * @return one entry per offending member
		 */
		public List<FieldError> errors() {
			return this.errors;
		}

	}

}
