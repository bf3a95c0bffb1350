package io.physforge.orchestration.pipeline;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.platform.problem.Problems.FieldError;

/**
 * Bounds on a step's parameters, checked at submission so a pipeline never stores (and
 * serves back, and hands a worker) unbounded input: at most {@value #MAX_MEMBERS} members
 * per object, {@value #MAX_NODES} values in all, nesting at most {@value #MAX_DEPTH}
 * deep, strings at most {@value #MAX_STRING} characters. Each worker checks the meaning
 * of the parameters it knows.
 */
final class ParamLimits {

	static final int MAX_MEMBERS = 100;

	static final int MAX_NODES = 1_000;

	static final int MAX_DEPTH = 6;

	static final int MAX_STRING = 10_000;

	private ParamLimits() {
	}

	/**
	 * Adds an error for each bound the parameters exceed.
	 * @param params a step's parameters
	 * @param field the field name for errors, e.g. {@code steps[0].params}
	 * @param errors where errors go
	 */
	static void check(JsonNode params, String field, List<FieldError> errors) {
		int before = errors.size();
		int nodes = walk(params, field, 1, errors);
		if (nodes > MAX_NODES && errors.size() == before) {
			errors.add(new FieldError(field, "holds " + nodes + " values; at most " + MAX_NODES + " are accepted"));
		}
	}

	/**
	 * @return the number of values below and including {@code node}, stopping early
	 */
	private static int walk(JsonNode node, String field, int depth, List<FieldError> errors) {
		if (depth > MAX_DEPTH) {
			errors.add(new FieldError(field, "nests deeper than " + MAX_DEPTH + " levels"));
			return MAX_NODES + 1;
		}
		if (node.isTextual() && node.textValue().length() > MAX_STRING) {
			errors.add(new FieldError(field, "is a string of " + node.textValue().length() + " characters; at most "
					+ MAX_STRING + " are accepted"));
			return 1;
		}
		if (node.isObject() && node.size() > MAX_MEMBERS) {
			errors.add(
					new FieldError(field, "has " + node.size() + " members; at most " + MAX_MEMBERS + " are accepted"));
			return MAX_NODES + 1;
		}
		int count = 1;
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && count <= MAX_NODES;) {
				Map.Entry<String, JsonNode> member = it.next();
				count += walk(member.getValue(), field + "." + member.getKey(), depth + 1, errors);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size() && count <= MAX_NODES; i++) {
				count += walk(node.get(i), field + "[" + i + "]", depth + 1, errors);
			}
		}
		return count;
	}

}
