package io.physforge.discovery.worker;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.core.discovery.DiscoverySettings;

/**
 * Maps a discovery step's {@code params} onto physics-core's {@link DiscoverySettings}:
 * every member is optional and defaults to {@link DiscoverySettings#defaults()}.
 * <p>
 * Members: {@code targets} (array or comma-separated fields), {@code derivative}
 * ({@code auto}, {@code fd}, {@code poly}, {@code sg}, {@code spectral}),
 * {@code derivativeOptions} (object of strings), {@code timeDerivative},
 * {@code timeDerivativeOptions}, {@code maxOrder} (1..4), {@code degree} (0..5),
 * {@code method} ({@code trainstridge}, {@code stridge}, {@code stlsq}),
 * {@code threshold}, {@code lambda}, {@code l0Penalty}, {@code testFraction},
 * {@code maxRows}, {@code seed}, {@code ensembleMembers} (-1 auto, 0 off),
 * {@code inclusionThreshold}, {@code libraryFraction}, {@code selection} ({@code method},
 * {@code aic}, {@code bic}), {@code validate} and {@code productRule} (booleans), as in
 * {@code physforge discover}. An unknown member or a value of the wrong type is refused
 * with a message naming it.
 */
public final class DiscoveryParams {

	/** The members {@code params} may hold. */
	public static final Set<String> NAMES = Set.of("targets", "derivative", "derivativeOptions", "timeDerivative",
			"timeDerivativeOptions", "maxOrder", "degree", "method", "regression", "threshold", "lambda", "l0Penalty",
			"testFraction", "maxRows", "seed", "ensembleMembers", "inclusionThreshold", "libraryFraction", "selection",
			"validate", "productRule");

	private DiscoveryParams() {
	}

	/**
	 * The settings a step's parameters ask for.
	 * @param params a JSON object, or {@code null}/{@code {}} for the defaults
	 * @return the settings
	 * @throws IllegalArgumentException naming the offending parameter and the fix
	 */
	public static DiscoverySettings toSettings(JsonNode params) {
		DiscoverySettings d = DiscoverySettings.defaults();
		if (params == null || params.isNull() || params.isMissingNode()) {
			return d;
		}
		if (!params.isObject()) {
			throw new IllegalArgumentException(
					"discovery params must be a JSON object such as {\"derivative\":\"fd\"}, got " + params);
		}
		for (Iterator<String> names = params.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!NAMES.contains(name)) {
				throw new IllegalArgumentException(
						"unknown discovery parameter '" + name + "'; use any of " + NAMES.stream().sorted().toList());
			}
		}
		try {
			return new DiscoverySettings(targets(params.get("targets"), d.targets()),
					text(params, "method", d.method()), text(params, "derivative", d.derivative()),
					options(params, "derivativeOptions", d.derivativeOptions()),
					text(params, "timeDerivative", d.timeDerivative()),
					options(params, "timeDerivativeOptions", d.timeDerivativeOptions()),
					integer(params, "maxOrder", d.maxOrder()), integer(params, "degree", d.degree()),
					text(params, "regression", d.regression()), number(params, "threshold", d.threshold()),
					number(params, "lambda", d.lambda()), number(params, "l0Penalty", d.l0Penalty()),
					number(params, "testFraction", d.testFraction()), integer(params, "maxRows", d.maxRows()),
					longInteger(params, "seed", d.seed()), integer(params, "ensembleMembers", d.ensembleMembers()),
					number(params, "inclusionThreshold", d.inclusionThreshold()),
					number(params, "libraryFraction", d.libraryFraction()), text(params, "selection", d.selection()),
					bool(params, "validate", d.validate()), bool(params, "productRule", d.productRule()));
		}
		catch (IllegalArgumentException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("discovery parameter")) {
				throw ex;
			}
			throw new IllegalArgumentException("invalid discovery params " + params + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> targets(JsonNode node, List<String> fallback) {
		if (node == null || node.isNull()) {
			return fallback;
		}
		List<String> targets = new ArrayList<>();
		if (node.isTextual()) {
			for (String part : node.asText().split(",")) {
				if (!part.isBlank()) {
					targets.add(part.trim());
				}
			}
			return targets;
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (!element.isTextual()) {
					throw wrongType("targets", "an array of field names such as [\"u\"]", node);
				}
				targets.add(element.asText());
			}
			return targets;
		}
		throw wrongType("targets", "an array of field names such as [\"u\"]", node);
	}

	private static String text(JsonNode params, String name, String fallback) {
		JsonNode node = params.get(name);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isTextual() || node.asText().isBlank()) {
			throw wrongType(name, "a non-empty string", node);
		}
		return node.asText().trim();
	}

	private static Map<String, String> options(JsonNode params, String name, Map<String, String> fallback) {
		JsonNode node = params.get(name);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isObject()) {
			throw wrongType(name, "an object such as {\"width\":\"10\",\"degree\":\"4\"}", node);
		}
		Map<String, String> options = new LinkedHashMap<>();
		node.fields().forEachRemaining((e) -> {
			if (!e.getValue().isValueNode() || e.getValue().isNull()) {
				throw wrongType(name + "." + e.getKey(), "a string or number", e.getValue());
			}
			options.put(e.getKey(), e.getValue().asText());
		});
		return options;
	}

	private static int integer(JsonNode params, String name, int fallback) {
		JsonNode node = params.get(name);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			throw wrongType(name, "an integer", node);
		}
		return node.intValue();
	}

	private static long longInteger(JsonNode params, String name, long fallback) {
		JsonNode node = params.get(name);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			throw wrongType(name, "an integer", node);
		}
		return node.longValue();
	}

	private static double number(JsonNode params, String name, double fallback) {
		JsonNode node = params.get(name);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isNumber()) {
			throw wrongType(name, "a number", node);
		}
		return node.doubleValue();
	}

	private static boolean bool(JsonNode params, String name, boolean fallback) {
		JsonNode node = params.get(name);
		if (node == null || node.isNull()) {
			return fallback;
		}
		if (!node.isBoolean()) {
			throw wrongType(name, "true or false", node);
		}
		return node.booleanValue();
	}

	private static IllegalArgumentException wrongType(String name, String expected, JsonNode value) {
		return new IllegalArgumentException(
				"discovery parameter '" + name + "' must be " + expected + ", got " + value);
	}

}
