package io.physforge.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One audited action.
 *
 * @param actor who acted: user id or name, API key id, {@code system} or
 * {@code anonymous}
 * @param action what was done, e.g. {@code dataset.upload}, {@code user.login}
 * @param resourceType the kind of resource, e.g. {@code dataset}
 * @param resourceId the resource's id, may be {@code null}
 * @param outcome how it ended
 * @param time when
 * @param requestId the HTTP request id ({@code X-Request-Id}), may be {@code null}
 * @param clientAddress the client's address, may be {@code null}
 */
public record AuditEvent(String actor, String action, String resourceType, String resourceId, AuditOutcome outcome,
		Instant time, String requestId, String clientAddress) {

	public AuditEvent {
		requireText("actor", actor);
		requireText("action", action);
		requireText("resourceType", resourceType);
		if (outcome == null) {
			throw new IllegalArgumentException("Audit event outcome must not be null");
		}
		time = (time != null) ? time : Instant.now();
	}

	/**
	 * The stream entry fields ({@code null} values left out, outcome in lower case).
	 * @return the fields
	 */
	public Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("actor", this.actor);
		fields.put("action", this.action);
		fields.put("resourceType", this.resourceType);
		putIfPresent(fields, "resourceId", this.resourceId);
		fields.put("outcome", this.outcome.name().toLowerCase(Locale.ROOT));
		fields.put("time", this.time.toString());
		putIfPresent(fields, "requestId", this.requestId);
		putIfPresent(fields, "clientAddress", this.clientAddress);
		return fields;
	}

	/**
	 * Reads an event from stream entry fields.
	 * @param fields the fields
	 * @return the event
	 * @throws IllegalArgumentException if a field is missing or invalid
	 */
	public static AuditEvent fromFields(Map<String, String> fields) {
		try {
			String time = fields.get("time");
			return new AuditEvent(fields.get("actor"), fields.get("action"), fields.get("resourceType"),
					fields.get("resourceId"), AuditOutcome.valueOf(fields.get("outcome").toUpperCase(Locale.ROOT)),
					(time != null) ? Instant.parse(time) : null, fields.get("requestId"), fields.get("clientAddress"));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Malformed audit event " + fields + ": " + ex.getMessage(), ex);
		}
	}

	private static void requireText(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Audit event " + name + " must not be blank");
		}
	}

	private static void putIfPresent(Map<String, String> fields, String name, String value) {
		if (value != null && !value.isBlank()) {
			fields.put(name, value);
		}
	}

}
