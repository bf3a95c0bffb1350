package io.physforge.discovery.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * This service's copy of the orchestrator's result reference: the {@code message} of the
 * {@code completed} event on {@code pf:job-events}, as JSON:
 * {@code {"kind":"discovery-run","id":"<run id>","summary":{"equation":"u_t = ..."}}}.
 *
 * @param kind what {@code id} names ({@code discovery-run} for this service)
 * @param id the result's id in the owning service
 * @param location an object-storage URI of the result's main artifact, may be
 * {@code null}
 * @param summary a small JSON object for display, may be {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResultRef(String kind, String id, String location, JsonNode summary) {

	/** The kind of this service's results. */
	public static final String DISCOVERY_RUN = "discovery-run";

}
