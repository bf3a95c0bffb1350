package io.physforge.audit.log;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated audit event: the members the log indexes, and the whole event in its RFC
 * 8785 canonical form (unknown members included), which is what is hashed and stored.
 *
 * @param eventId the idempotency key
 * @param occurredAt when the change happened
 * @param service the service that recorded it
 * @param actor user id, {@code system} or {@code anonymous}
 * @param actorRoles the actor's roles
 * @param action {@code <area>.<verb>}
 * @param resourceType the resource type
 * @param resourceId the resource id, or {@code null}
 * @param outcome {@code success}, {@code denied} or {@code failed}
 * @param canonical the canonical JSON text
 */
public record AuditEvent(UUID eventId, Instant occurredAt, String service, String actor, List<String> actorRoles,
		String action, String resourceType, String resourceId, String outcome, String canonical) {

}
