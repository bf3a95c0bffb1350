package io.physforge.derivative.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * This service's copy of the orchestrator's result reference: the {@code message} of the
 * {@code completed} event on {@code pf:job-events}, as JSON, and the results of upstream
 * jobs in a payload's inputs:
 * {@code {"kind":"feature-set","id":"<id>","location":"s3://artifacts/<key>","summary":{...}}}.
 *
 * @param kind what {@code id} names ({@code feature-set} for this service,
 * {@code pinn-model} for pinn-training-service's)
 * @param id the result's id in the owning service
 * @param location an object-storage URI of the result's main artifact, may be
 * {@code null}
 * @param summary a small JSON object, may be {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResultRef(String kind, String id, String location, JsonNode summary) {

	/** The kind of this service's results. */
	public static final String FEATURE_SET = "feature-set";

	/** The kind of pinn-training-service's results. */
	public static final String PINN_MODEL = "pinn-model";

}
