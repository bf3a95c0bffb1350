package io.physforge.orchestration.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.platform.problem.Problems.FieldError;

/**
 * A validated DAG of steps: known types, unique ids, known dependencies, no cycles.
 * {@link #validate} reports every offending field at once.
 *
 * @param steps the steps in request order with ids and dependencies resolved
 */
public record StepGraph(List<Node> steps) {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

	/**
	 * One resolved step.
	 *
	 * @param id its id
	 * @param type its type
	 * @param params its parameters (a JSON object)
	 * @param dependsOn ids of the steps it waits for
	 */
	public record Node(String id, StepType type, ObjectNode params, List<String> dependsOn) {

	}

	/**
	 * Validates a request.
	 * @param request the request
	 * @param maxSteps most steps allowed
	 * @param errors receives one entry per offending field
	 * @return the graph, or {@code null} when {@code errors} is not empty
	 */
	public static StepGraph validate(PipelineRequest request, int maxSteps, List<FieldError> errors) {
		if (request.datasetId() == null) {
			errors.add(new FieldError("datasetId", "is required: the id of the data set to work on"));
		}
		List<PipelineRequest.Step> steps = request.steps();
		if (steps == null || steps.isEmpty()) {
			errors.add(new FieldError("steps", "must hold at least one step, e.g. [{\"type\":\"discovery\"}]"));
			return null;
		}
		if (steps.size() > maxSteps) {
			errors
				.add(new FieldError("steps", "holds " + steps.size() + " steps; at most " + maxSteps + " are allowed"));
			return null;
		}
		Map<String, Integer> typeCounts = new HashMap<>();
		Set<String> explicitIds = new HashSet<>();
		for (PipelineRequest.Step step : steps) {
			if (step == null) {
				continue;
			}
			if (step.type() != null) {
				typeCounts.merge(step.type().trim().toLowerCase(), 1, Integer::sum);
			}
			if (step.id() != null) {
				explicitIds.add(step.id());
			}
		}
		List<String> ids = new ArrayList<>();
		List<StepType> types = new ArrayList<>();
		List<ObjectNode> params = new ArrayList<>();
		Map<String, Integer> indexById = new LinkedHashMap<>();
		for (int i = 0; i < steps.size(); i++) {
			PipelineRequest.Step step = steps.get(i);
			String field = "steps[" + i + "]";
			if (step == null) {
				errors.add(new FieldError(field, "must be a step object, not null"));
				ids.add(null);
				types.add(null);
				params.add(null);
				continue;
			}
			StepType type = StepType.of(step.type()).orElse(null);
			if (step.type() == null || step.type().isBlank()) {
				errors.add(new FieldError(field + ".type", "is required; use one of " + StepType.ids()));
			}
			else if (type == null) {
				errors.add(new FieldError(field + ".type",
						"is unknown ('" + step.type() + "'); use one of " + StepType.ids()));
			}
			String id = step.id();
			if (id == null) {
				String base = (type != null) ? type.id() : "step";
				id = (typeCounts.getOrDefault(base, 0) == 1 && !explicitIds.contains(base)) ? base
						: base + "-" + (i + 1);
			}
			else if (!ID.matcher(id).matches()) {
				errors.add(new FieldError(field + ".id", "'" + id
						+ "' is not a valid step id: use 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit"));
			}
			if (indexById.containsKey(id)) {
				errors.add(new FieldError(field + ".id",
						"'" + id + "' is already the id of steps[" + indexById.get(id) + "]; step ids must be unique"));
			}
			else {
				indexById.put(id, i);
			}
			ids.add(id);
			types.add(type);
			JsonNode given = step.params();
			if (given == null || given.isNull()) {
				params.add(JsonNodeFactory.instance.objectNode());
			}
			else if (given instanceof ObjectNode object) {
				int before = errors.size();
				ParamLimits.check(object, field + ".params", errors);
				params.add((errors.size() == before) ? object : null);
			}
			else {
				errors.add(new FieldError(field + ".params", "must be a JSON object, was " + given.getNodeType()));
				params.add(null);
			}
		}
		List<List<String>> deps = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			PipelineRequest.Step step = steps.get(i);
			List<String> dependsOn;
			if (step == null) {
				deps.add(List.of());
				continue;
			}
			if (step.dependsOn() == null) {
				dependsOn = (i == 0 || ids.get(i - 1) == null) ? List.of() : List.of(ids.get(i - 1));
			}
			else {
				dependsOn = new ArrayList<>();
				for (int j = 0; j < step.dependsOn().size(); j++) {
					String dep = step.dependsOn().get(j);
					String field = "steps[" + i + "].dependsOn[" + j + "]";
					if (dep == null || !indexById.containsKey(dep)) {
						errors.add(new FieldError(field,
								"names no step ('" + dep + "'); known step ids are " + indexById.keySet()));
					}
					else if (dep.equals(ids.get(i))) {
						errors.add(new FieldError(field,
								"is the step itself ('" + dep + "'); a step cannot wait for itself"));
					}
					else if (dependsOn.contains(dep)) {
						errors.add(new FieldError(field, "repeats '" + dep + "'"));
					}
					else {
						dependsOn.add(dep);
					}
				}
			}
			deps.add(List.copyOf(dependsOn));
		}
		reportCycles(ids, deps, indexById, errors);
		if (!errors.isEmpty()) {
			return null;
		}
		List<Node> nodes = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			nodes.add(new Node(ids.get(i), types.get(i), params.get(i), deps.get(i)));
		}
		return new StepGraph(List.copyOf(nodes));
	}

	private static void reportCycles(List<String> ids, List<List<String>> deps, Map<String, Integer> indexById,
			List<FieldError> errors) {
		int n = ids.size();
		int[] state = new int[n]; // 0 new, 1 on stack, 2 done
		Set<Integer> reported = new HashSet<>();
		for (int start = 0; start < n; start++) {
			if (state[start] != 0) {
				continue;
			}
			Deque<int[]> stack = new ArrayDeque<>();
			List<Integer> path = new ArrayList<>();
			stack.push(new int[] { start, 0 });
			state[start] = 1;
			path.add(start);
			while (!stack.isEmpty()) {
				int[] frame = stack.peek();
				int node = frame[0];
				List<String> out = deps.get(node);
				if (frame[1] < out.size()) {
					Integer next = indexById.get(out.get(frame[1]++));
					if (next == null) {
						continue;
					}
					if (state[next] == 1) {
						List<Integer> cycle = path.subList(path.indexOf(next), path.size());
						if (reported.add(next)) {
							StringBuilder text = new StringBuilder();
							for (int k : cycle) {
								text.append(ids.get(k)).append(" -> ");
							}
							text.append(ids.get(next));
							errors.add(new FieldError("steps[" + next + "].dependsOn", "forms a cycle (" + text
									+ ", where -> means 'depends on'); remove one of these dependencies"));
						}
					}
					else if (state[next] == 0) {
						state[next] = 1;
						path.add(next);
						stack.push(new int[] { next, 0 });
					}
				}
				else {
					state[node] = 2;
					path.remove(path.size() - 1);
					stack.pop();
				}
			}
		}
	}

}
