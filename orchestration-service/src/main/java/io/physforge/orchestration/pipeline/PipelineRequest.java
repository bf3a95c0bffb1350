package io.physforge.orchestration.pipeline;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/orchestration/pipelines}.
 *
 * @param datasetId the data set the pipeline works on
 * @param steps the steps in order; a step without {@code dependsOn} depends on the one
 * before it
 */
public record PipelineRequest(UUID datasetId, List<Step> steps) {

	/**
	 * One step.
	 *
	 * @param id unique within the pipeline; default: the type, or {@code <type>-<n>} when
	 * the type occurs more than once
	 * @param type one of {@link StepType#ids()}
	 * @param params the step's parameters, a JSON object passed to its worker
	 * @param dependsOn ids of the steps whose results this one needs; {@code null}: the
	 * previous step; {@code []}: none (a root, e.g. a parallel branch)
	 */
	public record Step(String id, String type, JsonNode params, List<String> dependsOn) {

	}

}
