package io.physforge.platform.audit;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.audit.internal.AuditOutboxRelay;
import io.physforge.platform.security.ClientAddressFilter;
import io.physforge.platform.security.TrustedProxies;
import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuditRecorder} and the outbox relay against the real PostgreSQL and Redis: the
 * event shares the fate of the caller's transaction and arrives on the stream in the wire
 * format of docs/audit-events.md.
 */
class AuditRecorderTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static LocalInfrastructure infra;

	private static JedisPooled redis;

	private final String stream = "pf:audit:test-" + UUID.randomUUID();

	private final AuditOutbox outbox = new AuditOutbox();

	private final AuditRecorder recorder = new AuditRecorder(this.outbox.dataSource(), "test-service");

	private final TransactionTemplate transactions = new TransactionTemplate(
			new DataSourceTransactionManager(this.outbox.dataSource()));

	private final AuditOutboxRelay relay = new AuditOutboxRelay(this.outbox.dataSource(), redis,
			new AuditProperties(true, this.stream, 1_000_000, Duration.ofMillis(200), 500));

	@BeforeAll
	static void connect() {
		infra = LocalInfrastructure.create();
		redis = new JedisPooled(infra.redis().url());
	}

	@AfterAll
	static void disconnect() {
		redis.close();
		infra.close();
	}

	@AfterEach
	void cleanUp() {
		redis.del(this.stream);
		this.outbox.close();
		RequestContextHolder.resetRequestAttributes();
		SecurityContextHolder.clearContext();
	}

	@Test
	void eventOfARolledBackTransactionIsNeitherKeptNorPublished() {
		this.transactions.executeWithoutResult((status) -> {
			this.recorder.record(AuditEvent.builder("dataset.delete", "dataset").resourceId("42"));
			assertThat(this.outbox.rows()).isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(this.outbox.rows()).isZero();
		assertThat(this.relay.relayOnce()).isZero();
		assertThat(redis.xlen(this.stream)).isZero();
	}

	@Test
	void eventOfACommittedTransactionArrivesWithEveryMember() throws Exception {
		String userId = UUID.randomUUID().toString();
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "none")
			.subject(userId)
			.claim("roles", List.of("RESEARCHER", "ADMIN"))
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
		MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/api/data/datasets/42");
		request.addHeader("X-Request-Id", "req-1");
		request.addHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.0.0.1");
		new ClientAddressFilter(new TrustedProxies(List.of("127.0.0.0/8", "10.0.0.0/8"))).doFilter(request,
				new MockHttpServletResponse(), new MockFilterChain());
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

		AuditEvent recorded = this.transactions.execute((status) -> this.recorder
			.record(AuditEvent.builder("dataset.delete", "dataset").resourceId(42).details(Map.of("name", "b.h5"))));

		assertThat(this.relay.relayOnce()).isEqualTo(1);
		assertThat(this.outbox.rows()).isZero();
		List<StreamEntry> entries = redis.xrange(this.stream, "-", "+");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).getFields()).containsOnlyKeys("event");
		JsonNode event = JSON.readTree(entries.get(0).getFields().get("event"));
		assertThat(event.get("eventId").asText()).isEqualTo(recorded.eventId().toString());
		assertThat(event.get("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(event.get("service").asText()).isEqualTo("test-service");
		assertThat(event.get("actor").asText()).isEqualTo(userId);
		assertThat(JSON.convertValue(event.get("actorRoles"), List.class)).containsExactly("ADMIN", "RESEARCHER");
		assertThat(event.get("requestId").asText()).isEqualTo("req-1");
		assertThat(event.get("clientAddress").asText()).isEqualTo("203.0.113.7");
		assertThat(event.get("action").asText()).isEqualTo("dataset.delete");
		assertThat(event.get("resourceType").asText()).isEqualTo("dataset");
		assertThat(event.get("resourceId").asText()).isEqualTo("42");
		assertThat(event.get("outcome").asText()).isEqualTo("success");
		assertThat(event.get("detailsHash").asText()).isEqualTo(AuditDetails.hash(Map.of("name", "b.h5")))
			.matches("[0-9a-f]{64}");
		assertThat(event.has("reason")).isFalse();
	}

	@Test
	void eventRecordedOutsideATransactionCommitsOnItsOwn() {
		this.recorder.record(AuditEvent.builder("auth.login", "user").failed("bad credentials"));
		assertThat(this.outbox.rows()).isEqualTo(1);
	}

	@Test
	void independentEventSurvivesTheRollbackOfTheCallersTransaction() {
		this.transactions.executeWithoutResult((status) -> {
			this.recorder.recordIndependently(AuditEvent.builder("auth.login", "user").failed("bad credentials"));
			status.setRollbackOnly();
		});
		assertThat(this.outbox.rows()).isEqualTo(1);
	}

	@Test
	void eventJsonNeverHoldsNullMembers() throws Exception {
		AuditEvent event = AuditEvent.builder("auth.register", "user")
			.service("auth-service")
			.system()
			.request(null, " ")
			.resourceId(null)
			.reason(null)
			.build();
		JsonNode json = JSON.readTree(event.toJson());
		assertThat(json.toString()).doesNotContain("null");
		for (Iterator<Map.Entry<String, JsonNode>> members = json.fields(); members.hasNext();) {
			assertThat(members.next().getValue().isNull()).isFalse();
		}
		assertThat(json.has("requestId")).isFalse();
		assertThat(json.has("clientAddress")).isFalse();
		assertThat(json.has("resourceId")).isFalse();
		assertThat(json.has("reason")).isFalse();
		assertThat(json.has("detailsHash")).isFalse();
		assertThat(json.get("actor").asText()).isEqualTo("system");
		assertThat(json.get("actorRoles").isArray()).isTrue();
		assertThat(json.get("actorRoles")).isEmpty();
	}

	@Test
	void withoutAnAuthenticatedCallerTheActorIsAnonymous() {
		AuditEvent event = this.recorder.record(AuditEvent.builder("auth.login", "user").failed("bad credentials"));
		assertThat(event.actor()).isEqualTo("anonymous");
		assertThat(event.actorRoles()).isEmpty();
		assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
	}

	@Test
	void longReasonIsCut() {
		AuditEvent event = AuditEvent.builder("auth.login", "user")
			.service("s")
			.system()
			.failed("x".repeat(5000))
			.build();
		assertThat(event.reason()).hasSize(AuditEvent.MAX_LENGTH).endsWith("...");
	}

}
