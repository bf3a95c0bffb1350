package io.physforge.derivative.feature;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.physforge.core.derivative.Differentiators;
import io.physforge.platform.problem.Problems.FieldError;

/**
 * What a feature set holds and how it is computed, as asked for in a REST request or in a
 * {@code derivatives} step's {@code params}:
 *
 * <pre>{@code
 * {"method":"fd","options":{"accuracy":"4"},"timeMethod":"fd","timeOptions":{},
 *  "names":["u_t","u_x","u_xx"],"maxOrder":4}
 * }</pre>
 *
 * {@code method} is {@code fd}, {@code poly}, {@code sg}, {@code spectral}
 * (physics-core's {@link Differentiators}, with {@code options}), or {@code pinn} /
 * {@code pinn:<model id>} (derivatives of a PINN surrogate by automatic differentiation).
 * {@code timeMethod} and {@code timeOptions} differentiate along {@code t} (default: the
 * method itself, but {@code fd} for {@code spectral}, time being not periodic, as
 * physics-core's discovery does). {@code names} lists canonical names ({@code u},
 * {@code u_t}, {@code u_xx}, {@code u_xy}); without it the feature set holds what
 * physics-core's discovery needs with derivatives up to {@code maxOrder} (default 4):
 * {@code Discovery.requiredDerivatives}. The fields themselves are always included.
 *
 * @param method {@code fd}, {@code poly}, {@code sg}, {@code spectral} or {@code pinn}
 * @param options the method's options
 * @param timeMethod the method along {@code t} (never {@code pinn})
 * @param timeOptions its options
 * @param names the names asked for, empty for the default
 * @param maxOrder the highest spatial derivative order of the default names
 * @param modelId the model of {@code pinn:<model id>}, else {@code null}
 * @param modelLocation the checkpoint URI {@code s3://models/<key>} given with a REST
 * request, else {@code null}
 */
public record FeatureSpec(String method, Map<String, String> options, String timeMethod,
		Map<String, String> timeOptions, List<String> names, int maxOrder, String modelId, String modelLocation) {

	/** The methods besides physics-core's differentiators. */
	public static final String PINN = "pinn";

	/** Members of a request or of step params. */
	public static final Set<String> MEMBERS = Set.of("method", "options", "timeMethod", "timeOptions", "names",
			"maxOrder", "modelLocation");

	/** The default highest order, that of physics-core's discovery defaults. */
	public static final int DEFAULT_MAX_ORDER = 4;

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[a-z]+)?");

	public FeatureSpec {
		options = Map.copyOf(options);
		timeOptions = Map.copyOf(timeOptions);
		names = List.copyOf(names);
	}

	/**
	 * @return whether the derivatives come from a PINN surrogate
	 */
	public boolean pinn() {
		return PINN.equals(this.method);
	}

	/**
	 * The spec as JSON-ready map, stored with the feature set and echoed in its metadata.
	 * @return method, options, timeMethod, timeOptions, names, maxOrder (and the model)
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("method", pinn() && this.modelId != null ? PINN + ":" + this.modelId : this.method);
		m.put("options", new TreeMap<>(this.options));
		if (!pinn()) {
			m.put("timeMethod", this.timeMethod);
			m.put("timeOptions", new TreeMap<>(this.timeOptions));
		}
		m.put("names", this.names);
		m.put("maxOrder", this.maxOrder);
		return m;
	}

	/**
	 * Reads and checks a spec, collecting every offending member.
	 * @param params a JSON object (or {@code null} for the defaults: {@code fd}, what
	 * discovery needs)
	 * @param extra members the caller reads itself (such as {@code datasetId})
	 * @param errors where offending members are added; the result is {@code null} when
	 * any was
	 * @return the spec, or {@code null} if {@code errors} gained entries
	 */
	public static FeatureSpec parse(JsonNode params, Set<String> extra, List<FieldError> errors) {
		int before = errors.size();
		if (params == null || params.isNull() || params.isMissingNode()) {
			params = JsonNodeFactory.instance.objectNode();
		}
		if (!params.isObject()) {
			errors.add(new FieldError("params", "must be a JSON object such as {\"method\":\"fd\"}, got " + params));
			return null;
		}
		for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
			String name = it.next();
			if (!MEMBERS.contains(name) && !extra.contains(name)) {
				List<String> known = new ArrayList<>(MEMBERS);
				known.addAll(extra);
				errors
					.add(new FieldError(name, "is not a known member; use any of " + known.stream().sorted().toList()));
			}
		}
		String method = "fd";
		String modelId = null;
		JsonNode m = params.get("method");
		if (m != null && !m.isNull()) {
			if (!m.isTextual() || m.asText().isBlank()) {
				errors.add(new FieldError("method", "must be a string such as \"fd\", got " + m));
			}
			else {
				String text = m.asText().trim();
				String lower = text.toLowerCase(Locale.ROOT);
				if (lower.equals(PINN) || lower.startsWith(PINN + ":")) {
					method = PINN;
					if (lower.startsWith(PINN + ":")) {
						modelId = text.substring(PINN.length() + 1).trim();
						if (modelId.isEmpty()) {
							errors.add(new FieldError("method", "'pinn:' needs a model id after the colon, "
									+ "such as pinn:6f1c...; or use 'pinn' for the upstream pinn step's model"));
						}
					}
				}
				else if (Differentiators.names().contains(lower)) {
					method = lower;
				}
				else {
					errors.add(new FieldError("method",
							"'" + text + "' is not a derivative method; use one of " + methods()));
				}
			}
		}
		Map<String, String> options = options(params, "options", errors);
		Map<String, String> timeOptions = options(params, "timeOptions", errors);
		String timeMethod = null;
		JsonNode tm = params.get("timeMethod");
		if (tm != null && !tm.isNull()) {
			String lower = tm.isTextual() ? tm.asText().trim().toLowerCase(Locale.ROOT) : "";
			if (!Differentiators.names().contains(lower)) {
				errors.add(new FieldError("timeMethod",
						"must be one of " + Differentiators.names() + " (the method along t), got " + tm));
			}
			else {
				timeMethod = lower;
			}
		}
		if (method.equals(PINN)) {
			if (timeMethod != null || !timeOptions.isEmpty()) {
				errors.add(new FieldError("timeMethod",
						"does not apply to method pinn: the network gives every derivative, t included"));
			}
			if (!options.isEmpty()) {
				errors.add(new FieldError("options", "method pinn takes no options, got " + options.keySet()));
			}
		}
		else {
			if (!hasError(errors, before, "method")) {
				check(method, options, "options", errors);
			}
			boolean own = timeMethod != null || params.get("timeOptions") != null || method.equals("spectral");
			if (timeMethod == null) {
				timeMethod = method.equals("spectral") ? "fd" : method;
				if (params.get("timeOptions") == null && !method.equals("spectral")) {
					timeOptions = options;
				}
			}
			if (own && !hasError(errors, before, "timeMethod")) {
				check(timeMethod, timeOptions, "timeOptions", errors);
			}
		}
		int maxOrder = DEFAULT_MAX_ORDER;
		JsonNode mo = params.get("maxOrder");
		if (mo != null && !mo.isNull()) {
			if (!mo.isIntegralNumber() || mo.asInt() < 1 || mo.asInt() > 4) {
				errors.add(new FieldError("maxOrder", "must be an integer from 1 to 4, got " + mo));
			}
			else {
				maxOrder = mo.asInt();
			}
		}
		List<String> names = names(params.get("names"), errors);
		String modelLocation = null;
		JsonNode ml = params.get("modelLocation");
		if (ml != null && !ml.isNull()) {
			if (!ml.isTextual() || !ml.asText().startsWith("s3://models/")
					|| ml.asText().length() == "s3://models/".length()) {
				errors.add(new FieldError("modelLocation",
						"must be a checkpoint's location s3://models/<key> as pinn-training-service reports it, got "
								+ ml));
			}
			else if (!method.equals(PINN)) {
				errors.add(new FieldError("modelLocation", "only applies to method pinn"));
			}
			else {
				modelLocation = ml.asText();
			}
		}
		if (errors.size() > before) {
			return null;
		}
		return new FeatureSpec(method, options, method.equals(PINN) ? PINN : timeMethod, timeOptions, names, maxOrder,
				modelId, modelLocation);
	}

	/**
	 * @return the accepted method names
	 */
	public static List<String> methods() {
		List<String> all = new ArrayList<>(Differentiators.names());
		all.add(PINN);
		all.add(PINN + ":<model id>");
		return all;
	}

	private static boolean hasError(List<FieldError> errors, int from, String field) {
		for (int i = from; i < errors.size(); i++) {
			if (errors.get(i).field().equals(field)) {
				return true;
			}
		}
		return false;
	}

	private static void check(String method, Map<String, String> options, String field, List<FieldError> errors) {
		try {
			Differentiators.byName(method, options);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, ex.getMessage()));
		}
	}

	private static Map<String, String> options(JsonNode params, String name, List<FieldError> errors) {
		JsonNode node = params.get(name);
		Map<String, String> options = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return options;
		}
		if (!node.isObject()) {
			errors.add(new FieldError(name, "must be an object such as {\"accuracy\":\"4\"}, got " + node));
			return options;
		}
		node.fields().forEachRemaining((e) -> {
			if (!e.getValue().isValueNode() || e.getValue().isNull()) {
				errors.add(new FieldError(name + "." + e.getKey(), "must be a string or number, got " + e.getValue()));
			}
			else {
				options.put(e.getKey(), e.getValue().asText());
			}
		});
		return options;
	}

	private static List<String> names(JsonNode node, List<FieldError> errors) {
		List<String> names = new ArrayList<>();
		if (node == null || node.isNull()) {
			return names;
		}
		if (!node.isArray() || node.isEmpty()) {
			errors.add(new FieldError("names",
					"must be a non-empty array of canonical names such as [\"u_t\",\"u_x\",\"u_xx\"], got " + node));
			return names;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode n = node.get(i);
			String field = "names[" + i + "]";
			if (!n.isTextual() || !NAME.matcher(n.asText()).matches()) {
				errors.add(new FieldError(field, "must be a canonical name: a field (u) or a field, '_' and axis "
						+ "letters (u_t, u_xx, u_xy), got " + n));
				continue;
			}
			String name = n.asText();
			int underscore = name.indexOf('_');
			if (underscore > 0) {
				Map<Character, Integer> orders = new LinkedHashMap<>();
				for (char c : name.substring(underscore + 1).toCharArray()) {
					orders.merge(c, 1, Integer::sum);
				}
				orders.forEach((axis, order) -> {
					if (order > 4) {
						errors.add(new FieldError(field,
								"asks for order " + order + " along " + axis + "; orders 1 to 4 are supported"));
					}
				});
			}
			if (names.contains(name)) {
				errors.add(new FieldError(field, "repeats '" + name + "'"));
			}
			names.add(name);
		}
		return names;
	}

}
