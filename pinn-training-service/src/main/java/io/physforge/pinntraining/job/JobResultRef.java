package io.physforge.pinntraining.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * This service's copy of the orchestrator's result reference: the {@code message} of the
 * {@code completed} event on {@code pf:job-events}, as JSON:
 * {@code {"kind":"pinn-model","id":"<model id>","location":"s3://models/<key>",
 * "summary":{"coefficients":{"c1":-0.99},"losses":{"total":1e-4,...}}}}.
 *
 * @param kind what {@code id} names ({@code pinn-model} for this service)
 * @param id the model checkpoint's id ({@code GET /api/pinn/models/{id}})
 * @param location the checkpoint object, {@code s3://models/<key>}
 * @param summary learned coefficients, final losses, equation, epochs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResultRef(String kind, String id, String location, JsonNode summary) {

	/** The kind of this service's results. */
	public static final String PINN_MODEL = "pinn-model";

}
