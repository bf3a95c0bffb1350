package io.physforge.audit.api;

import java.time.Instant;

/**
 * Filters of an event query; {@code null} members do not filter.
 *
 * @param actor the actor
 * @param action the action
 * @param resourceType the resource type
 * @param resourceId the resource id
 * @param from occurred at or after
 * @param to occurred before
 */
public record EventFilter(String actor, String action, String resourceType, String resourceId, Instant from,
		Instant to) {

	@Override
	public String toString() {
		return "actor=" + this.actor + " action=" + this.action + " resourceType=" + this.resourceType + " resourceId="
				+ this.resourceId + " from=" + this.from + " to=" + this.to;
	}

}
