package io.physforge.audit.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.audit.chain.CanonicalJson;

/**
 * The audit event wire format of {@code docs/audit-events.md}: required members present
 * with their types, UUID event ids, {@code occurredAt} as ISO-8601 UTC with milliseconds
 * and {@code Z}, lower-case dotted actions, a known outcome, 64-hex {@code detailsHash},
 * strings at most 2,000 characters, no {@code null} members. Unknown members are kept
 * (and hashed) but not checked.
 */
public final class EventFormat {

	/** The longest string member. */
	public static final int MAX_STRING = 2000;

	private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

	private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

	private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

	private static final Set<String> OUTCOMES = Set.of("success", "denied", "failed");

	private EventFormat() {
	}

	/**
	 * Validates a stream entry and canonicalises its event.
	 * @param entry the entry
	 * @return the event
	 * @throws MalformedEntryException naming the entry and what is wrong
	 */
	public static AuditEvent parse(RawEntry entry) {
		String json = entry.fields().get(RawEntry.EVENT_FIELD);
		if (json == null) {
			throw new MalformedEntryException(entry.id(), "it has no field '" + RawEntry.EVENT_FIELD + "'");
		}
		try {
			return parse(json);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEntryException(entry.id(), ex.getMessage());
		}
	}

	/**
	 * Validates an event JSON text and canonicalises it.
	 * @param json the event
	 * @return the event
	 * @throws IllegalArgumentException saying what is wrong
	 */
	public static AuditEvent parse(String json) {
		JsonNode node = CanonicalJson.parse(json);
		if (!node.isObject()) {
			throw new IllegalArgumentException("the event is not a JSON object");
		}
		node.fields().forEachRemaining((member) -> {
			if (member.getValue().isNull()) {
				throw new IllegalArgumentException("member " + member.getKey() + " is null (leave it out instead)");
			}
			if (member.getValue().isTextual() && member.getValue().textValue().length() > MAX_STRING) {
				throw new IllegalArgumentException("member " + member.getKey() + " is longer than " + MAX_STRING);
			}
		});
		UUID eventId;
		try {
			eventId = UUID.fromString(required(node, "eventId"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("eventId is not a UUID: " + node.get("eventId"));
		}
		String occurredAt = required(node, "occurredAt");
		if (!TIME.matcher(occurredAt).matches()) {
			throw new IllegalArgumentException(
					"occurredAt must be ISO-8601 UTC with milliseconds and Z, was " + occurredAt);
		}
		String action = required(node, "action");
		if (!ACTION.matcher(action).matches()) {
			throw new IllegalArgumentException("action must be <area>.<verb> in lower case, was " + action);
		}
		String outcome = required(node, "outcome");
		if (!OUTCOMES.contains(outcome)) {
			throw new IllegalArgumentException("outcome must be success, denied or failed, was " + outcome);
		}
		JsonNode roles = node.get("actorRoles");
		if (roles == null || !roles.isArray()) {
			throw new IllegalArgumentException("actorRoles is missing or not an array of strings");
		}
		List<String> actorRoles = new ArrayList<>();
		for (JsonNode role : roles) {
			if (!role.isTextual()) {
				throw new IllegalArgumentException("actorRoles holds a non-string: " + role);
			}
			actorRoles.add(role.textValue());
		}
		for (String name : List.of("requestId", "clientAddress", "resourceId", "reason", "detailsHash")) {
			optional(node, name);
		}
		String detailsHash = optional(node, "detailsHash");
		if (detailsHash != null && !HEX64.matcher(detailsHash).matches()) {
			throw new IllegalArgumentException("detailsHash must be 64 lower-case hex digits");
		}
		return new AuditEvent(eventId, Instant.parse(occurredAt), required(node, "service"), required(node, "actor"),
				List.copyOf(actorRoles), action, required(node, "resourceType"), optional(node, "resourceId"), outcome,
				CanonicalJson.serialize(node));
	}

	private static String required(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null) {
			throw new IllegalArgumentException("required member " + name + " is missing");
		}
		if (!value.isTextual() || value.textValue().isEmpty()) {
			throw new IllegalArgumentException("member " + name + " must be a non-empty string, was " + value);
		}
		return value.textValue();
	}

	private static String optional(JsonNode node, String name) {
		return node.has(name) ? required(node, name) : null;
	}

}
