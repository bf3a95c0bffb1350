package io.physforge.platform.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.testing.TestJwks;
import io.physforge.platform.web.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against a running sample service, as an outside prober sends them:
 * each answer must be the right 4xx as an RFC 9457 problem naming no Java class and
 * holding no stack trace, with exactly one {@code X-Request-Id} and the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "physforge.storage.enabled=false", "physforge.service.name=sample-service",
				"physforge.service.api-prefix=/api/sample", "physforge.web.edge.max-body-size=64KB",
				"spring.jackson.deserialization.fail-on-unknown-properties=true" })
class EdgeProbeTests {

	private static final String PROBLEMS = "https://physforge.dev/problems/";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String token = TestJwks.shared().token(UUID.randomUUID().toString(), "RESEARCHER");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void jwks(DynamicPropertyRegistry registry) {
		TestJwks.shared().register(registry);
	}

	@Test
	void oversizedJsonBodyIs413BeforeItIsRead() throws Exception {
		String big = "{\"name\":\"" + "x".repeat(200_000) + "\",\"size\":1}";
		JsonNode problem = problem(send("POST", "/api/sample/items", "application/json", BodyPublishers.ofString(big)),
				413);
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "payload-too-large");
		assertThat(problem.path("maxBytes").asLong()).isEqualTo(64 * 1024);
	}

	@Test
	void oversizedJsonBodyWithoutLengthIs413WhileRead() throws Exception {
		byte[] big = ("{\"name\":\"" + "x".repeat(200_000) + "\",\"size\":1}").getBytes(StandardCharsets.UTF_8);
		BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));
		JsonNode problem = problem(send("POST", "/api/sample/items", "application/json", chunked), 413);
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "payload-too-large");
	}

	@Test
	void brokenMultipartIs400() throws Exception {
		String body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.h5\"\r\n\r\nabc";
		JsonNode problem = problem(
				send("POST", "/api/sample/uploads", "multipart/form-data; boundary=XYZ", BodyPublishers.ofString(body)),
				400);
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "malformed-multipart");
	}

	@Test
	void multipartWithoutBoundaryIs400() throws Exception {
		JsonNode problem = problem(
				send("POST", "/api/sample/uploads", "multipart/form-data", BodyPublishers.ofString("abc")), 400);
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "malformed-multipart");
	}

	@Test
	void controlCharacterInUploadFileNameIs400() throws Exception {
		// a NUL, raw or encoded, may already stop the container's or Spring's parser
		for (String disposition : List.of("filename=\"a\u0000b.h5\"", "filename*=UTF-8''a%00b.h5",
				"filename*=UTF-8''a%0D%0Ab.h5")) {
			JsonNode problem = problem(upload(disposition), 400);
			assertThat(problem.path("type").asText()).as(disposition)
				.isIn(PROBLEMS + "invalid-file-name", PROBLEMS + "malformed-multipart");
		}
		JsonNode escape = problem(upload("filename=\"a\u001bb.h5\""), 400);
		assertThat(escape.path("type").asText()).isEqualTo(PROBLEMS + "invalid-file-name");
		assertThat(escape.path("detail").asText()).contains("control character (code 27)");
		HttpResponse<String> fine = upload("filename=\"burgers.h5\"");
		assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
		assertEdgeHeaders(fine);
	}

	@Test
	void pageNear2To31IsA400WithTheAllowedRange() throws Exception {
		for (String page : List.of("2147483647", "21474837", "99999999999999999999")) {
			JsonNode problem = problem(send("GET", "/api/sample/pages?page=" + page + "&size=100", null, null), 400);
			assertThat(problem.path("detail").asText()).as(page).contains("0 and " + Paging.MAX_PAGE);
			assertThat(problem.path("maxPage").asInt()).isEqualTo(Paging.MAX_PAGE);
			assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("page");
		}
		HttpResponse<String> last = send("GET", "/api/sample/pages?page=" + Paging.MAX_PAGE + "&size=100", null, null);
		assertThat(last.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(last.body()).path("offset").asLong()).isPositive();
	}

	@Test
	void wrongJsonTypeNamesTheFieldAndTheTypeNotTheJavaClass() throws Exception {
		JsonNode problem = problem(json("/api/sample/refs", "{\"datasetId\":\"not-a-uuid\"}"), 400);
		assertThat(problem.path("detail").asText()).contains("datasetId: expected a UUID");
		assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("datasetId");
		JsonNode root = problem(json("/api/sample/refs", "\"just a string\""), 400);
		assertThat(root.path("detail").asText()).contains("body: expected an object");
		JsonNode number = problem(json("/api/sample/items", "{\"name\":\"a\",\"size\":{\"x\":1}}"), 400);
		assertThat(number.path("detail").asText()).contains("size: expected an integer");
	}

	@Test
	void unknownJsonFieldIsNamedWithoutTheJavaClass() throws Exception {
		JsonNode problem = problem(json("/api/sample/refs", "{\"datasetId\":null,\"evil\":1}"), 400);
		assertThat(problem.path("detail").asText()).contains("evil: unknown field").contains("datasetId");
	}

	@Test
	void brokenJsonIs400() throws Exception {
		problem(json("/api/sample/refs", "{\"datasetId\": "), 400);
	}

	@Test
	void hugeOrOddRequestIdIsReplacedNotRefused() throws Exception {
		for (String offered : List.of("r".repeat(10 * 1024), "r".repeat(129), "bad id", "a/b", "<script>")) {
			HttpResponse<String> response = this.client.send(
					request("GET", "/api/sample/info", null, null).header("X-Request-Id", offered).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(offered.substring(0, Math.min(20, offered.length()))).isEqualTo(200);
			assertEdgeHeaders(response);
			assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
		}
		HttpResponse<String> kept = this.client.send(
				request("GET", "/api/sample/info", null, null).header("X-Request-Id", "probe.1:a-b_c").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(kept.headers().allValues("X-Request-Id")).containsExactly("probe.1:a-b_c");
	}

	@Test
	void actuatorBeyondHealthIsForAdminsOnly() throws Exception {
		HttpResponse<String> anonymous = this.client.send(
				HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(problem(anonymous, 401).path("type").asText()).isEqualTo(PROBLEMS + "unauthorized");
		for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env")) {
			problem(send("GET", path, null, null), 403);
		}
	}

	private HttpResponse<String> upload(String disposition) throws IOException, InterruptedException {
		String body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; " + disposition
				+ "\r\nContent-Type: application/octet-stream\r\n\r\nabc\r\n--XYZ--\r\n";
		return send("POST", "/api/sample/uploads", "multipart/form-data; boundary=XYZ",
				BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> json(String path, String body) throws IOException, InterruptedException {
		return send("POST", path, "application/json", BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(String method, String path, String contentType, BodyPublisher body)
			throws IOException, InterruptedException {
		return this.client.send(request(method, path, contentType, body).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String method, String path, String contentType, BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.token)
			.method(method, (body != null) ? body : BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return request;
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Asserts the status, the problem media type, a body free of Java names and stack
	 * traces, and the edge headers; returns the problem.
	 */
	private static JsonNode problem(HttpResponse<String> response, int status) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertNoInternals(response.body());
		assertEdgeHeaders(response);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asText()).startsWith(PROBLEMS);
		assertThat(problem.path("detail").asText()).isNotBlank();
		return problem;
	}

	static void assertNoInternals(String body) {
		assertThat(body)
			.doesNotContainPattern("\\b(java|javax|jakarta|io\\.physforge|org\\.springframework|"
					+ "com\\.fasterxml|org\\.apache)\\.[A-Za-z]")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	static void assertEdgeHeaders(HttpResponse<String> response) {
		assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
		assertThat(response.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies((csp) -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
		assertThat(response.headers().allValues("Referrer-Policy")).hasSize(1);
	}

}
