package io.physforge.audit.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored audit event as the API shows it.
 *
 * @param seq its position in the chain
 * @param eventId the event id
 * @param occurredAt when the change happened
 * @param recordedAt when audit-service stored it
 * @param service the service that recorded it
 * @param actor who acted
 * @param actorRoles their roles
 * @param action what was done
 * @param resourceType the resource type
 * @param resourceId the resource id, or {@code null}
 * @param outcome success, denied or failed
 * @param event the whole stored event (RFC 8785 canonical JSON, parsed)
 * @param leafHash hex leaf hash
 * @param prevHash hex link of seq - 1
 * @param hash hex link
 */
public record EventView(long seq, String eventId, Instant occurredAt, Instant recordedAt, String service, String actor,
		List<String> actorRoles, String action, String resourceType, String resourceId, String outcome, JsonNode event,
		String leafHash, String prevHash, String hash) {

}
