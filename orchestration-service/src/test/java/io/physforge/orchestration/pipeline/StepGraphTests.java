package io.physforge.orchestration.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
