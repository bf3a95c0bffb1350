package io.physforge.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against the gateway over real HTTP, as an outside prober sends them:
 * oversized bodies 413, a service that is down 503, a slow one 504, every answer the
 * gateway makes itself a problem naming no Java class, and every answer (forwarded or
 * not) with exactly one {@code X-Request-Id} and the security headers. What the services
 * answer to broken multipart, paging and JSON is probed in platform's
 * {@code EdgeProbeTests}; here those requests must pass through untouched.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class EdgeProbeTests {

	static final RSAKey KEY = Tokens.newKey("probe-key-1");

	static final UpstreamStub UPSTREAM = start();

	static final Tokens TOKENS = new Tokens(KEY);

	static final LocalInfrastructure INFRASTRUCTURE = LocalInfrastructure.create();

	/** A port nothing listens on: the reporting service is down. */
	static final int DOWN_PORT = freePort();

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	WebTestClient client;

	private static UpstreamStub start() {
		try {
			return new UpstreamStub(KEY);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String variable : List.of("PF_AUTH_URI", "PF_DATA_URI", "PF_ORCHESTRATION_URI", "PF_PINN_TRAINING_URI",
				"PF_DERIVATIVE_URI", "PF_PDE_DISCOVERY_URI", "PF_ACTIVE_EXPERIMENT_URI", "PF_AUDIT_URI")) {
			registry.add(variable, UPSTREAM::uri);
		}
		registry.add("PF_REPORTING_URI", () -> "http://127.0.0.1:" + DOWN_PORT);
		registry.add("PF_REDIS_URL", () -> INFRASTRUCTURE.redis().url().toString());
		registry.add("PF_JWKS_URI", () -> UPSTREAM.uri() + "/api/auth/.well-known/jwks.json");
		registry.add("PF_GATEWAY_RESPONSE_TIMEOUT", () -> "1500ms");
		registry.add("PF_DATA_MAX_UPLOAD_SIZE", () -> "4MB");
	}

	@AfterAll
	static void stop() {
		UPSTREAM.close();
		INFRASTRUCTURE.close();
	}

	@Test
	void twentyMegabyteJsonBodyIs413AndNeverReachesTheService() {
		byte[] body = new byte[20 * 1024 * 1024];
		Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[body.length - 1] = '}';
		int before = UPSTREAM.calls("/api/orchestration/pipelines");
		JsonNode problem = problem(this.client.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.uri("/api/orchestration/pipelines")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody()
			.returnResult(), 413);
		assertThat(problem.path("type").asText()).isEqualTo("https://physforge.dev/problems/payload-too-large");
		assertThat(problem.path("maxBytes").asLong()).isEqualTo(1024 * 1024);
		assertThat(UPSTREAM.calls("/api/orchestration/pipelines")).isEqualTo(before);
	}

	@Test
	void oversizedBodyWithoutLengthIsStoppedWith413() {
		Flux<DataBuffer> chunks = Flux.range(0, 40)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
		JsonNode problem = problem(this.client.post()
			.uri("/api/orchestration/pipelines")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectBody()
			.returnResult(), 413);
		assertThat(problem.path("maxBytes").asLong()).isEqualTo(1024 * 1024);
	}

	@Test
	void uploadPathHasTheLargerUploadLimit() {
		String twoMegabytes = "x".repeat(2 * 1024 * 1024);
		EntityExchangeResult<byte[]> accepted = send(HttpMethod.POST, "/api/data/datasets",
				"multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; "
						+ "filename=\"a.csv\"\r\n\r\n" + twoMegabytes + "\r\n--XYZ--\r\n");
		assertThat(accepted.getStatus().value()).isEqualTo(200);
		assertEdgeHeaders(accepted);
		String fiveMegabytes = "x".repeat(5 * 1024 * 1024);
		JsonNode problem = problem(
				send(HttpMethod.POST, "/api/data/datasets", "multipart/form-data; boundary=XYZ", fiveMegabytes), 413);
		assertThat(problem.path("maxBytes").asLong()).isEqualTo(4 * 1024 * 1024 + 64 * 1024);
	}

	@Test
	void serviceDownIs503ProblemWithRetryAfter() {
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
			EntityExchangeResult<byte[]> result = send(method, "/api/reports/reports", "application/json", "{}");
			JsonNode problem = problem(result, 503);
			assertThat(problem.path("type").asText()).isEqualTo("https://physforge.dev/problems/service-unavailable");
			assertThat(problem.path("detail").asText()).contains("reports service");
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		}
	}

	@Test
	void slowServiceIs504Problem() {
		JsonNode problem = problem(this.client.mutate()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.post()
			.uri("/api/pinn/slow")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.exchange()
			.expectBody()
			.returnResult(), 504);
		assertThat(problem.path("type").asText()).isEqualTo("https://physforge.dev/problems/gateway-timeout");
	}

	@Test
	void unknownPathIs404Problem() {
		problem(send(HttpMethod.GET, "/api/nothing-here/x", null, null), 404);
	}

	@Test
	void hostileBodiesPassThroughToTheServiceWithOneRequestId() {
		List<String[]> requests = List.of(new String[] { "multipart/form-data; boundary=XYZ", "--XYZ\r\nbroken" },
				new String[] { "multipart/form-data", "no boundary" },
				new String[] { "multipart/form-data; boundary=XYZ",
						"--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.h5\"\r\n\r\nx\r\n--XYZ--\r\n" },
				new String[] { "application/json", "{\"datasetId\":123,\"unknown\":true}" });
		for (String[] request : requests) {
			EntityExchangeResult<byte[]> result = send(HttpMethod.POST, "/api/data/datasets", request[0], request[1]);
			assertThat(result.getStatus().value()).as(request[0]).isEqualTo(200);
			assertEdgeHeaders(result);
		}
		EntityExchangeResult<byte[]> page = send(HttpMethod.GET, "/api/orchestration/pipelines?page=2147483647", null,
				null);
		assertThat(page.getStatus().value()).isEqualTo(200);
		assertEdgeHeaders(page);
	}

	@Test
	void hugeOrOddRequestIdIsReplacedNotRefusedAndAppearsOnce() {
		for (String offered : List.of("r".repeat(10 * 1024), "r".repeat(129), "bad id", "<script>")) {
			EntityExchangeResult<byte[]> result = this.client.get()
				.uri("/api/data/info")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
				.header("X-Request-Id", offered)
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertEdgeHeaders(result);
			assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
		}
		EntityExchangeResult<byte[]> kept = this.client.get()
			.uri("/api/data/info")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
			.header("X-Request-Id", "probe.1:a-b_c")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(kept.getResponseHeaders().get("X-Request-Id")).containsExactly("probe.1:a-b_c");
	}

	@Test
	void prometheusIsForAdminsOnlyAndHealthIsPublic() {
		problem(this.client.get().uri("/actuator/prometheus").exchange().expectBody().returnResult(), 401);
		problem(this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.withRoles("RESEARCHER"))
			.exchange()
			.expectBody()
			.returnResult(), 403);
		EntityExchangeResult<byte[]> admin = this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.withRoles("ADMIN"))
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(admin.getStatus().value()).isEqualTo(200);
		assertThat(new String(admin.getResponseBody(), StandardCharsets.UTF_8)).contains("jvm_memory_used_bytes");
		EntityExchangeResult<byte[]> health = this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(health.getStatus().value()).isEqualTo(200);
		assertEdgeHeaders(health);
	}

	private EntityExchangeResult<byte[]> send(HttpMethod method, String path, String contentType, String body) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid());
		if (contentType != null) {
			request.header(HttpHeaders.CONTENT_TYPE, contentType);
		}
		WebTestClient.RequestHeadersSpec<?> ready = (body != null)
				? request.bodyValue(body.getBytes(StandardCharsets.UTF_8)) : request;
		return ready.exchange().expectBody().returnResult();
	}

	private static JsonNode problem(EntityExchangeResult<byte[]> result, int status) {
		String body = new String((result.getResponseBody() != null) ? result.getResponseBody() : new byte[0],
				StandardCharsets.UTF_8);
		assertThat(result.getStatus().value()).as(body).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).as(body).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body)
			.doesNotContainPattern(
					"\\b(java|javax|jakarta|io\\.physforge|io\\.netty|reactor|" + "org\\.springframework)\\.[A-Za-z]")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		assertEdgeHeaders(result);
		try {
			JsonNode problem = JSON.readTree(body);
			assertThat(problem.path("status").asInt()).isEqualTo(status);
			assertThat(problem.path("type").asText()).startsWith("https://physforge.dev/problems/");
			assertThat(problem.path("detail").asText()).isNotBlank();
			return problem;
		}
		catch (IOException ex) {
			throw new AssertionError("not JSON: " + body, ex);
		}
	}

	private static void assertEdgeHeaders(EntityExchangeResult<byte[]> result) {
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.get("X-Request-Id")).as("X-Request-Id").hasSize(1);
		assertThat(headers.get("Content-Security-Policy")).as("CSP")
			.singleElement()
			.satisfies((csp) -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
		assertThat(headers.get("Referrer-Policy")).hasSize(1);
	}

}
