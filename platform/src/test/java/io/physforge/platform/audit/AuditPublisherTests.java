package io.physforge.platform.audit;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.physforge.platform.queue.RedisClientAutoConfiguration;
import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AuditPublisher} against a real Redis.
 */
class AuditPublisherTests {

	private static LocalInfrastructure infra;

	private static JedisPooled redis;

	private final String stream = "pf:audit:test-" + UUID.randomUUID();

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
		RequestContextHolder.resetRequestAttributes();
		SecurityContextHolder.clearContext();
	}

	@Test
	void eventGoesToTheStreamWithEveryField() {
		AuditPublisher publisher = new AuditPublisher(redis, this.stream);
		AuditEvent event = new AuditEvent("user-1", "dataset.delete", "dataset", "42", AuditOutcome.DENIED,
				Instant.parse("2026-11-29T12:00:00Z"), "req-9", "10.0.0.5");
		assertThat(publisher.publish(event)).isTrue();
		List<StreamEntry> entries = redis.xrange(this.stream, "-", "+");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).getFields()).containsEntry("actor", "user-1")
			.containsEntry("action", "dataset.delete")
			.containsEntry("resourceType", "dataset")
			.containsEntry("resourceId", "42")
			.containsEntry("outcome", "denied")
			.containsEntry("time", "2026-11-29T12:00:00Z")
			.containsEntry("requestId", "req-9")
			.containsEntry("clientAddress", "10.0.0.5");
		assertThat(AuditEvent.fromFields(entries.get(0).getFields())).isEqualTo(event);
	}

	@Test
	void requestIdClientAddressAndActorComeFromTheCurrentRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/data/datasets");
		request.addHeader("X-Request-Id", "abc-123");
		request.addHeader("X-Forwarded-For", "203.0.113.7, 10.0.0.1");
		request.setRemoteAddr("10.0.0.1");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null,
					AuthorityUtils.createAuthorityList("ROLE_USER")));
		AuditPublisher publisher = new AuditPublisher(redis, this.stream);

		assertThat(publisher.publish(null, "dataset.upload", "dataset", "7", AuditOutcome.SUCCESS)).isTrue();

		AuditEvent stored = AuditEvent.fromFields(redis.xrange(this.stream, "-", "+").get(0).getFields());
		assertThat(stored.actor()).isEqualTo("alice");
		assertThat(stored.requestId()).isEqualTo("abc-123");
		assertThat(stored.clientAddress()).isEqualTo("203.0.113.7");
		assertThat(stored.time()).isBetween(Instant.now().minusSeconds(60), Instant.now());
	}

	@Test
	void outsideARequestTheActorIsAnonymousAndTheRemoteFieldsAreAbsent() {
		AuditPublisher publisher = new AuditPublisher(redis, this.stream);
		assertThat(publisher.publish(null, "user.login", "user", null, AuditOutcome.FAILURE)).isTrue();
		assertThat(redis.xrange(this.stream, "-", "+").get(0).getFields()).containsEntry("actor", "anonymous")
			.doesNotContainKeys("requestId", "clientAddress", "resourceId");
	}

	@Test
	void aFailedPublishIsReportedNotThrown() {
		try (JedisPooled unreachable = new JedisPooled(URI.create("redis://127.0.0.1:1"))) {
			AuditPublisher publisher = new AuditPublisher(unreachable, this.stream);
			assertThat(publisher.publish("bob", "report.read", "report", "1", AuditOutcome.SUCCESS)).isFalse();
		}
	}

	@Test
	void incompleteEventsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent("a", " ", "dataset", null, AuditOutcome.SUCCESS, null, null, null))
			.withMessageContaining("action");
	}

	@Test
	void autoConfigurationPublishesToPfAuditAndCanBeSwitchedOff() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisClientAutoConfiguration.class, AuditAutoConfiguration.class))
			.withPropertyValues("physforge.redis.url=" + infra.redis().url());
		runner.run((context) -> assertThat(context.getBean(AuditPublisher.class).stream()).isEqualTo("pf:audit"));
		runner.withPropertyValues("physforge.audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditPublisher.class));
	}

}
