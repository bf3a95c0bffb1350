package io.physforge.orchestration.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.platform.problem.Problems.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StepGraph} validation without Spring.
 */
class StepGraphTests {

	private static final UUID DATASET = UUID.randomUUID();

	@Test
	void linearStepsDependOnThePreviousAndGetTheirTypeAsId() {
		StepGraph graph = valid(new PipelineRequest(DATASET, List.of(step(null, "pinn", null),
				step(null, "derivatives", null), step(null, "discovery", null), step(null, "report", null))));
		assertThat(graph.steps()).extracting(StepGraph.Node::id)
			.containsExactly("pinn", "derivatives", "discovery", "report");
		assertThat(graph.steps()).extracting(StepGraph.Node::dependsOn)
			.containsExactly(List.of(), List.of("pinn"), List.of("derivatives"), List.of("discovery"));
		assertThat(graph.steps().get(0).params().isObject()).isTrue();
	}

	@Test
	void branchesAndRepeatedTypesAreAllowed() {
		StepGraph graph = valid(new PipelineRequest(DATASET,
				List.of(step(null, "derivatives", null), step(null, "discovery", List.of("derivatives")),
						step(null, "symbolic", List.of("derivatives")), step(null, "discovery", List.of()),
						step("report", "report", List.of("discovery-2", "symbolic", "discovery-4")))));
		assertThat(graph.steps()).extracting(StepGraph.Node::id)
			.containsExactly("derivatives", "discovery-2", "symbolic", "discovery-4", "report");
		assertThat(graph.steps().get(3).dependsOn()).isEmpty();
		assertThat(graph.steps().get(4).dependsOn()).containsExactly("discovery-2", "symbolic", "discovery-4");
	}

	@Test
	void unboundedParametersAreRefusedAtSubmission() {
		ObjectNode wide = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < 200_000; i++) {
			wide.put("k" + i, i);
		}
		ObjectNode deep = JsonNodeFactory.instance.objectNode();
		ObjectNode inner = deep;
		for (int i = 0; i < 10; i++) {
			inner = inner.putObject("n");
		}
		ObjectNode many = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < 20; i++) {
			many.putArray("a" + i).addAll(java.util.Collections.nCopies(90, JsonNodeFactory.instance.numberNode(1)));
		}
		ObjectNode longText = JsonNodeFactory.instance.objectNode().put("pde", "u".repeat(20_000));
		List<FieldError> errors = new ArrayList<>();
		assertThat(StepGraph.validate(new PipelineRequest(DATASET,
				List.of(new PipelineRequest.Step("w", "discovery", wide, List.of()),
						new PipelineRequest.Step("d", "discovery", deep, List.of()),
						new PipelineRequest.Step("m", "discovery", many, List.of()),
						new PipelineRequest.Step("t", "pinn", longText, List.of()))),
				50, errors))
			.isNull();
		assertThat(errors).extracting(FieldError::field)
			.containsExactly("steps[0].params", "steps[1].params.n.n.n.n.n.n", "steps[2].params",
					"steps[3].params.pde");
		assertThat(errors.get(0).message()).isEqualTo("has 200000 members; at most 100 are accepted");
		assertThat(errors.get(2).message()).contains("at most 1000 are accepted");
		// the largest accepted shape still passes
		ObjectNode fine = JsonNodeFactory.instance.objectNode().put("ensembleMembers", 100);
		valid(new PipelineRequest(DATASET, List.of(new PipelineRequest.Step("ok", "discovery", fine, List.of()))));
	}

	@Test
	void everyProblemIsReportedWithItsField() {
		List<FieldError> errors = new ArrayList<>();
		StepGraph graph = StepGraph.validate(new PipelineRequest(null,
				List.of(step("a", "discovery", List.of("b")), step("b", "pinn", List.of("a", "a")),
						step("a", null, List.of("a")), step("Bad Id", "fourier", List.of()),
						new PipelineRequest.Step("p", "report", JsonNodeFactory.instance.arrayNode(), List.of()))),
				50, errors);
		assertThat(graph).isNull();
		assertThat(errors).extracting(FieldError::field)
			.containsExactlyInAnyOrder("datasetId", "steps[2].type", "steps[2].id", "steps[3].id", "steps[3].type",
					"steps[4].params", "steps[1].dependsOn[1]", "steps[2].dependsOn[0]", "steps[0].dependsOn");
		assertThat(errors).filteredOn((e) -> e.field().equals("steps[0].dependsOn"))
			.singleElement()
			.satisfies((e) -> assertThat(e.message()).contains("a -> b -> a"));
	}

	@Test
	void emptyAndTooLongPipelinesAreRejected() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(StepGraph.validate(new PipelineRequest(DATASET, List.of()), 50, errors)).isNull();
		assertThat(errors).extracting(FieldError::field).containsExactly("steps");
		errors.clear();
		assertThat(StepGraph.validate(
				new PipelineRequest(DATASET, List.of(step(null, "pinn", null), step(null, "discovery", null))), 1,
				errors))
			.isNull();
		assertThat(errors.get(0).message()).contains("at most 1");
	}

	private static StepGraph valid(PipelineRequest request) {
		List<FieldError> errors = new ArrayList<>();
		StepGraph graph = StepGraph.validate(request, 50, errors);
		assertThat(errors).isEmpty();
		return graph;
	}

	private static PipelineRequest.Step step(String id, String type, List<String> dependsOn) {
		return new PipelineRequest.Step(id, type, null, dependsOn);
	}

}
