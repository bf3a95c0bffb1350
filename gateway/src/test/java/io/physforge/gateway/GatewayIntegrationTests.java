package io.physforge.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as a whole, over real HTTP: a real upstream server (standing in for the
 * services and auth-service's JWKS) and a real Redis for rate limits (the local one, else
 * an embedded one). The whole suite behind the gateway is exercised in the {@code e2e}
 * module.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayIntegrationTests {

	static final RSAKey KEY = Tokens.newKey("test-key-1");

	static final UpstreamStub UPSTREAM = startUpstream();

	static final Tokens TOKENS = new Tokens(KEY);

	/** The Redis on 127.0.0.1:6379 (or {@code PF_REDIS_URL}), else an embedded one. */
	static final LocalInfrastructure INFRASTRUCTURE = LocalInfrastructure.create();

	static final List<String> SERVICES = List.of("auth", "data", "orchestration", "pinn", "derivatives", "discovery",
			"experiments", "reports", "audit");

	@Autowired
	WebTestClient client;

	private static UpstreamStub startUpstream() {
		try {
			return new UpstreamStub(KEY);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String variable : List.of("PF_AUTH_URI", "PF_DATA_URI", "PF_ORCHESTRATION_URI", "PF_PINN_TRAINING_URI",
				"PF_DERIVATIVE_URI", "PF_PDE_DISCOVERY_URI", "PF_ACTIVE_EXPERIMENT_URI", "PF_REPORTING_URI",
				"PF_AUDIT_URI")) {
			registry.add(variable, UPSTREAM::uri);
		}
		registry.add("PF_REDIS_URL", () -> INFRASTRUCTURE.redis().url().toString());
		registry.add("PF_JWKS_URI", () -> UPSTREAM.uri() + "/api/auth/.well-known/jwks.json");
		registry.add("PF_AUTH_RATE_LIMIT_PER_SECOND", () -> "1");
		registry.add("PF_AUTH_RATE_LIMIT_BURST", () -> "3");
		registry.add("PF_GATEWAY_RESPONSE_TIMEOUT", () -> "1500ms");
	}

	@AfterAll
	static void stopUpstream() {
		UPSTREAM.close();
		INFRASTRUCTURE.close();
	}

	@Test
	void routesEveryServiceWithItsPathUnchangedAndForwardsTheToken() {
		String token = TOKENS.valid();
		for (String service : SERVICES) {
			String path = "/api/" + service + "/info";
			this.client.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.path")
				.isEqualTo(path);
			assertThat(UPSTREAM.received()).anySatisfy((received) -> {
				assertThat(received.path()).isEqualTo(path);
				assertThat(received.authorization()).isEqualTo("Bearer " + token);
			});
		}
	}

	@Test
	void unknownPathsAreNotRouted() {
		this.client.get()
			.uri("/api/nothing-here/info")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void missingTokenIs401ProblemAndNeverReachesTheService() {
		int before = UPSTREAM.calls("/api/data/secret");
		this.client.get()
			.uri("/api/data/secret")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("/api/auth/login"));
		assertThat(UPSTREAM.calls("/api/data/secret")).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "forged", "expired", "wrongIssuer", "wrongAudience", "unsigned", "withoutExpiry",
			"withoutSubject", "garbage" })
	void badTokensAre401(String kind) {
		String token = switch (kind) {
			case "forged" -> TOKENS.forged();
			case "expired" -> TOKENS.expired();
			case "wrongIssuer" -> TOKENS.wrongIssuer();
			case "wrongAudience" -> TOKENS.wrongAudience();
			case "unsigned" -> TOKENS.unsigned();
			case "withoutExpiry" -> TOKENS.withoutExpiry();
			case "withoutSubject" -> TOKENS.withoutSubject();
			default -> "not.a.jwt";
		};
		int before = UPSTREAM.calls("/api/orchestration/pipelines");
		this.client.get()
			.uri("/api/orchestration/pipelines")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://physforge.dev/problems/unauthorized");
		assertThat(UPSTREAM.calls("/api/orchestration/pipelines")).isEqualTo(before);
	}

	@Test
	void publicAuthEndpointsNeedNoToken() {
		for (String path : List.of("/api/auth/register", "/api/auth/refresh", "/api/auth/logout")) {
			this.client.post().uri(path).bodyValue(Map.of()).exchange().expectStatus().isOk();
		}
		this.client.get().uri("/api/auth/.well-known/jwks.json").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
		this.client.get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void requestIdIsCreatedForwardedAndReturned() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/api/reports/info")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
		String id = result.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(UPSTREAM.received()).anySatisfy((received) -> assertThat(received.requestId()).isEqualTo(id));

		this.client.get()
			.uri("/api/reports/info")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.header("X-Request-Id", "client-id-42")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-id-42");
		assertThat(UPSTREAM.received())
			.anySatisfy((received) -> assertThat(received.requestId()).isEqualTo("client-id-42"));

		String rejectedId = this.client.get()
			.uri("/api/reports/info")
			.header("X-Request-Id", "bad id\twith spaces")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(rejectedId).matches("[0-9a-f-]{36}");
	}

	@Test
	void corsPreflightFromTheDashboardIsAllowedAndFromOthersRefused() {
		this.client.options()
			.uri("/api/data/datasets")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("POST"));
		this.client.options()
			.uri("/api/data/datasets")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.get()
			.uri("/api/data/datasets")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
	}

	@Test
	void idempotentGetsAreRetriedButPostsAreNot() {
		this.client.get()
			.uri("/api/data/get/flaky")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(UPSTREAM.calls("/api/data/get/flaky")).isEqualTo(2);
		this.client.post()
			.uri("/api/data/post/flaky")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(UPSTREAM.calls("/api/data/post/flaky")).isEqualTo(1);
	}

	@Test
	void slowServicesTimeOutWith504() {
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.method(HttpMethod.POST)
			.uri("/api/pinn/slow")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void loginIsRateLimitedPerClientInRedis() throws InterruptedException {
		// the bucket is per client address, shared with the other public auth calls of
		// this
		// class: let it refill (burst 3 at 1 per second) so the test does not depend on
		// order
		Thread.sleep(3500);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			statuses.add(this.client.post()
				.uri("/api/auth/login")
				.bodyValue(Map.of("email", "a@b.c", "password", "x"))
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value());
		}
		assertThat(statuses).contains(200);
		assertThat(statuses.stream().filter((status) -> status == 429).count()).isGreaterThanOrEqualTo(3);
		// the limit is per route: protected routes are not limited
		this.client.get()
			.uri("/api/auth/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.exchange()
			.expectStatus()
			.isOk();
	}

}
