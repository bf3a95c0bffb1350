package io.physforge.audit.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.physforge.audit.log.RawEntry;

/**
 * Audit events in the wire format of docs/audit-events.md, as stream entries.
 */
public final class Events {

	private static final String[] ACTIONS = { "auth.login", "dataset.upload", "pipeline.submit", "dataset.delete",
			"access.denied" };

	private Events() {
	}

	/**
	 * @param eventId the event id
	 * @param actor the actor
	 * @param action the action
	 * @return the event JSON
	 */
	public static String json(UUID eventId, String actor, String action) {
		return json(eventId, actor, action, Instant.now());
	}

	/**
	 * @param eventId the event id
	 * @param actor the actor
	 * @param action the action
	 * @param occurredAt when it happened
	 * @return the event JSON
	 */
	public static String json(UUID eventId, String actor, String action, Instant occurredAt) {
		Instant at = occurredAt.truncatedTo(ChronoUnit.MILLIS);
		String time = (at.getNano() == 0) ? at.toString().replace("Z", ".000Z") : at.toString();
		return "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + time + "\",\"service\":\"data-service\","
				+ "\"actor\":\"" + actor + "\",\"actorRoles\":[\"RESEARCHER\"],\"requestId\":\"r-" + eventId
				+ "\",\"clientAddress\":\"10.0.0.7\",\"action\":\"" + action + "\",\"resourceType\":\"dataset\","
				+ "\"resourceId\":\"" + UUID.randomUUID() + "\",\"outcome\":\"success\",\"note\":\"caf\u00e9 \\n\"}";
	}

	/**
	 * @param json an event JSON
	 * @return a stream entry holding it
	 */
	public static RawEntry entry(String json) {
		return new RawEntry(System.nanoTime() + "-0", Map.of(RawEntry.EVENT_FIELD, json));
	}

	/**
	 * @param count how many
	 * @param actor their actor
	 * @return entries of fresh events with varied actions
	 */
	public static List<RawEntry> batch(int count, String actor) {
		return batch(count, actor, Instant.now());
	}

	/**
	 * @param count how many
	 * @param actor their actor
	 * @param occurredAt when they happened
	 * @return entries of fresh events with varied actions
	 */
	public static List<RawEntry> batch(int count, String actor, Instant occurredAt) {
		List<RawEntry> entries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			entries.add(entry(json(UUID.randomUUID(), actor, ACTIONS[i % ACTIONS.length], occurredAt)));
		}
		return entries;
	}

}
