package io.physforge.platform.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One audited action in the wire format of {@code docs/audit-events.md}. Services build
 * one with {@link #builder(String, String)} and hand the builder to
 * {@link AuditRecorder}, which fills in what it knows (id, time, service, actor,
 * request).
 *
 * @param eventId the idempotency key
 * @param occurredAt when it happened (millisecond precision)
 * @param service the recording service, e.g. {@code auth-service}
 * @param actor user id, {@code system} or {@code anonymous}
 * @param actorRoles the actor's roles, sorted (may be empty)
 * @param requestId the HTTP request id, may be {@code null}
 * @param clientAddress the client's address, may be {@code null}
 * @param action e.g. {@code auth.login}
 * @param resourceType e.g. {@code user}
 * @param resourceId may be {@code null}
 * @param outcome how it ended
 * @param reason why it was denied or failed, may be {@code null}
 * @param detailsHash see {@link AuditDetails#hash}, may be {@code null}
 */
public record AuditEvent(UUID eventId, Instant occurredAt, String service, String actor, List<String> actorRoles,
		String requestId, String clientAddress, String action, String resourceType, String resourceId,
		AuditOutcome outcome, String reason, String detailsHash) {

	/** Longest string member; longer ones are cut and end with {@code ...}. */
	public static final int MAX_LENGTH = 2000;

	/** The actor of the platform's own work. */
	public static final String SYSTEM = "system";

	/** The actor before authentication. */
	public static final String ANONYMOUS = "anonymous";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	public AuditEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(outcome, "outcome");
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
		service = cut(requireText("service", service));
		actor = cut(requireText("actor", actor));
		action = cut(requireText("action", action));
		resourceType = cut(requireText("resourceType", resourceType));
		actorRoles = (actorRoles != null) ? actorRoles.stream().map(AuditEvent::cut).sorted().toList() : List.of();
		requestId = blankToNull(requestId);
		clientAddress = blankToNull(clientAddress);
		resourceId = blankToNull(resourceId);
		reason = blankToNull(reason);
		if (detailsHash != null && !detailsHash.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("Audit detailsHash must be 64 lower-case hex digits");
		}
	}

	/**
	 * Starts an event.
	 * @param action what was done, e.g. {@code dataset.upload}
	 * @param resourceType the kind of resource, e.g. {@code dataset}
	 * @return a builder, outcome {@link AuditOutcome#SUCCESS} until set
	 */
	public static Builder builder(String action, String resourceType) {
		return new Builder(action, resourceType);
	}

	/**
	 * The wire JSON: one object, members without a value left out.
	 * @return the JSON
	 */
	public String toJson() {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("eventId", this.eventId.toString());
		members.put("occurredAt", MILLIS.format(this.occurredAt));
		members.put("service", this.service);
		members.put("actor", this.actor);
		members.put("actorRoles", this.actorRoles);
		putIfPresent(members, "requestId", this.requestId);
		putIfPresent(members, "clientAddress", this.clientAddress);
		members.put("action", this.action);
		members.put("resourceType", this.resourceType);
		putIfPresent(members, "resourceId", this.resourceId);
		members.put("outcome", this.outcome.wire());
		putIfPresent(members, "reason", this.reason);
		putIfPresent(members, "detailsHash", this.detailsHash);
		try {
			return JSON.writeValueAsString(members);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void putIfPresent(Map<String, Object> members, String name, String value) {
		if (value != null) {
			members.put(name, value);
		}
	}

	private static String requireText(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Audit event " + name + " must not be blank");
		}
		return value;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : cut(value);
	}

	private static String cut(String value) {
		return (value.length() <= MAX_LENGTH) ? value : value.substring(0, MAX_LENGTH - 3) + "...";
	}

	/**
	 * Collects the members of an event; what stays unset is filled by
	 * {@link AuditRecorder}.
	 */
	public static final class Builder {

		private UUID eventId;

		private Instant occurredAt;

		private String service;

		private String actor;

		private Collection<String> actorRoles;

		private String requestId;

		private String clientAddress;

		private final String action;

		private final String resourceType;

		private String resourceId;

		private AuditOutcome outcome = AuditOutcome.SUCCESS;

		private String reason;

		private String detailsHash;

		private Builder(String action, String resourceType) {
			this.action = action;
			this.resourceType = resourceType;
		}

		public Builder eventId(UUID eventId) {
			this.eventId = eventId;
			return this;
		}

		public Builder occurredAt(Instant occurredAt) {
			this.occurredAt = occurredAt;
			return this;
		}

		public Builder service(String service) {
			this.service = service;
			return this;
		}

		/**
		 * Sets the actor and their roles (instead of the caller of the current request).
		 * @param actor user id, {@link #SYSTEM} or {@link #ANONYMOUS}
		 * @param roles the actor's roles
		 * @return this builder
		 */
		public Builder actor(String actor, Collection<String> roles) {
			this.actor = actor;
			this.actorRoles = (roles != null) ? List.copyOf(roles) : List.of();
			return this;
		}

		/**
		 * The platform's own work: actor {@link #SYSTEM}, no roles.
		 * @return this builder
		 */
		public Builder system() {
			return actor(SYSTEM, List.of());
		}

		public Builder request(String requestId, String clientAddress) {
			this.requestId = requestId;
			this.clientAddress = clientAddress;
			return this;
		}

		public Builder resourceId(Object resourceId) {
			this.resourceId = (resourceId != null) ? resourceId.toString() : null;
			return this;
		}

		public Builder outcome(AuditOutcome outcome) {
			this.outcome = outcome;
			return this;
		}

		/**
		 * Outcome {@link AuditOutcome#FAILED} with a reason.
		 * @param reason why (never a secret)
		 * @return this builder
		 */
		public Builder failed(String reason) {
			return outcome(AuditOutcome.FAILED).reason(reason);
		}

		/**
		 * Outcome {@link AuditOutcome#DENIED} with a reason.
		 * @param reason why (never a secret)
		 * @return this builder
		 */
		public Builder denied(String reason) {
			return outcome(AuditOutcome.DENIED).reason(reason);
		}

		public Builder reason(String reason) {
			this.reason = reason;
			return this;
		}

		/**
		 * Binds details by their hash ({@link AuditDetails#hash}).
		 * @param details the details, no secrets
		 * @return this builder
		 * @throws IllegalArgumentException when a key looks like a secret
		 */
		public Builder details(Map<String, ?> details) {
			this.detailsHash = (details != null) ? AuditDetails.hash(details) : null;
			return this;
		}

		public Builder detailsHash(String detailsHash) {
			this.detailsHash = detailsHash;
			return this;
		}

		/**
		 * @return whether a service was set
		 */
		boolean hasService() {
			return this.service != null;
		}

		/**
		 * @return whether an actor was set
		 */
		boolean hasActor() {
			return this.actor != null;
		}

		/**
		 * @return whether a request id or client address was set
		 */
		boolean hasRequest() {
			return this.requestId != null || this.clientAddress != null;
		}

		/**
		 * Builds the event; a missing id is a new UUID and a missing time is now.
		 * @return the event
		 * @throws IllegalArgumentException when a required member is missing
		 */
		public AuditEvent build() {
			return new AuditEvent((this.eventId != null) ? this.eventId : UUID.randomUUID(),
					(this.occurredAt != null) ? this.occurredAt : Instant.now(), this.service, this.actor,
					(this.actorRoles != null) ? List.copyOf(this.actorRoles) : List.of(), this.requestId,
					this.clientAddress, this.action, this.resourceType, this.resourceId, this.outcome, this.reason,
					this.detailsHash);
		}

	}

}
