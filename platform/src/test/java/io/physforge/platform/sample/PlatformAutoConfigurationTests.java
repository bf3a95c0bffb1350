package io.physforge.platform.sample;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.physforge.platform.security.TokenRevocations;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.TestJwks;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's security, problem and web auto-configuration in a running sample
 * service, with tokens verified against a JWKS fetched over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "physforge.storage.enabled=false", "physforge.service.name=sample-service",
				"physforge.service.api-prefix=/api/sample", "physforge.security.public-paths=/api/sample/public/**" })
class PlatformAutoConfigurationTests {

	private static final String PROBLEMS = "https://physforge.dev/problems/";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void jwks(DynamicPropertyRegistry registry) {
		TestJwks.shared().register(registry);
	}

	private Http http() {
		return Http.local(this.port);
	}

	private String user = UUID.randomUUID().toString();

	private Http.Response info(String token) {
		return http().get("/api/sample/info", token);
	}

	private void assertRejected(String token) {
		Http.Response response = info(token);
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-token");
		assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void noTokenIs401Problem() {
		Http.Response response = info(null);
		assertThat(response.status()).isEqualTo(401);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "unauthorized");
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("detail").asText()).contains("Bearer");
		assertThat(problem.path("instance").asText()).isEqualTo("/api/sample/info");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void validTokenReachesInfoWithCallerAndRoles() {
		Http.Response response = info(TestJwks.shared().token(this.user, "RESEARCHER", "viewer"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode info = response.json();
		assertThat(info.path("service").asText()).isEqualTo("sample-service");
		assertThat(info.path("subject").asText()).isEqualTo(this.user);
		assertThat(info.path("email").asText()).isEqualTo(this.user + "@test.physforge.dev");
		assertThat(info.path("roles").toString()).isEqualTo("[\"RESEARCHER\",\"VIEWER\"]");
		assertThat(info.path("version").asText()).isNotEmpty();
	}

	@Test
	void publicPathsNeedNoToken() {
		assertThat(http().get("/api/sample/public/ping", null).status()).isEqualTo(200);
		assertThat(http().get("/v3/api-docs/anything", null).status()).as("open, then 404 from MVC").isEqualTo(404);
	}

	@Test
	void rolesDecideMethodSecurity() {
		Http.Response viewer = http().get("/api/sample/admin", TestJwks.shared().token(this.user, "VIEWER"));
		assertThat(viewer.status()).isEqualTo(403);
		assertThat(viewer.json().path("type").asText()).isEqualTo(PROBLEMS + "forbidden");
		assertThat(http().get("/api/sample/admin", TestJwks.shared().token(this.user, "ADMIN")).status())
			.isEqualTo(200);
	}

	@Test
	void aRevokedUsersEarlierTokensAre401WithinSecondsAndLaterOnesPass() {
		String token = TestJwks.shared().token(this.user, "RESEARCHER");
		assertThat(info(token).status()).isEqualTo(200); // the lookup is now cached here
		// what auth-service does on disable, logout or a role change, with its own client
		try (JedisPooled redis = new JedisPooled(URI.create("redis://127.0.0.1:6379"))) {
			new TokenRevocations(redis, Duration.ofSeconds(1)).revokeAll(this.user, Duration.ofMinutes(1));
		}
		long revokedAt = System.currentTimeMillis();
		Awaitility.await()
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> info(token).status() == 401);
		assertThat(System.currentTimeMillis() - revokedAt).isLessThan(2500);
		assertRejected(token);
		Instant later = Instant.now().plusSeconds(1);
		String newer = TestJwks.shared()
			.sign(TestJwks.claims(this.user, "RESEARCHER").issueTime(Date.from(later)).build());
		assertThat(info(newer).status()).isEqualTo(200);
		assertThat(info(TestJwks.shared().token(UUID.randomUUID().toString(), "RESEARCHER")).status()).isEqualTo(200);
	}

	@Test
	void forgedSignatureIsRejected() {
		// another key announcing the trusted key's kid
		assertRejected(TestJwks.sign(TestJwks.newKey("test-key-1"), TestJwks.claims(this.user, "ADMIN").build()));
	}

	@Test
	void unknownKeyIsRejected() {
		assertRejected(TestJwks.sign(TestJwks.newKey("other-kid"), TestJwks.claims(this.user, "ADMIN").build()));
	}

	@Test
	void expiredTokenIsRejected() {
		Instant past = Instant.now().minusSeconds(3600);
		assertRejected(TestJwks.shared()
			.sign(TestJwks.claims(this.user, "ADMIN")
				.issueTime(Date.from(past))
				.expirationTime(Date.from(past.plusSeconds(900)))
				.build()));
	}

	@Test
	void notYetValidTokenIsRejected() {
		assertRejected(TestJwks.shared()
			.sign(TestJwks.claims(this.user, "ADMIN")
				.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
				.build()));
	}

	@Test
	void tokenWithoutExpiryIsRejected() {
		assertRejected(TestJwks.shared().sign(TestJwks.claims(this.user, "ADMIN").expirationTime(null).build()));
	}

	@Test
	void wrongIssuerIsRejected() {
		assertRejected(TestJwks.shared().sign(TestJwks.claims(this.user, "ADMIN").issuer("evil-auth").build()));
	}

	@Test
	void wrongAudienceIsRejected() {
		assertRejected(TestJwks.shared().sign(TestJwks.claims(this.user, "ADMIN").audience("other-app").build()));
	}

	@Test
	void unsignedTokenIsRejected() {
		String none = new PlainJWT(TestJwks.claims(this.user, "ADMIN").build()).serialize();
		assertRejected(none);
		// a header claiming RS256 with the signature stripped
		String signed = TestJwks.shared().token(this.user, "ADMIN");
		assertRejected(signed.substring(0, signed.lastIndexOf('.') + 1));
	}

	@Test
	void hmacTokenIsRejected() throws Exception {
		// HS256 keyed with the public key's bytes: the classic algorithm-confusion attack
		byte[] secret = TestJwks.shared().key().toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key-1").build(),
				TestJwks.claims(this.user, "ADMIN").build());
		jwt.sign(new MACSigner(secret));
		assertRejected(jwt.serialize());
	}

	@Test
	void garbageTokenIsRejected() {
		assertRejected(Base64.getUrlEncoder().encodeToString("not a token".getBytes()));
	}

	@Test
	void validationListsEveryOffendingField() {
		Http.Response response = http().post("/api/sample/items", TestJwks.shared().token(this.user, "RESEARCHER"),
				Map.of("name", " ", "email", "not-an-email", "size", -3));
		assertThat(response.status()).isEqualTo(400);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "validation");
		assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
		assertThat(problem.path("detail").asText()).startsWith("3 fields are invalid");
		assertThat(problem.path("errors")).hasSize(3);
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "email", "size");
		assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
	}

	@Test
	void methodParameterValidationAndTypeErrorsNameTheParameter() {
		String token = TestJwks.shared().token(this.user, "RESEARCHER");
		Http.Response tooBig = http().get("/api/sample/items?size=1000", token);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
		Http.Response notNumber = http().get("/api/sample/items?size=abc", token);
		assertThat(notNumber.status()).isEqualTo(400);
		assertThat(notNumber.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
		Http.Response missing = http().get("/api/sample/items", token);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("type").asText()).isEqualTo(PROBLEMS + "missing-parameter");
	}

	@Test
	void malformedJsonIsAProblem() {
		String token = TestJwks.shared().token(this.user, "RESEARCHER");
		Http.Response broken = http().post("/api/sample/items", token, "{\"name\": ");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().path("type").asText()).isEqualTo(PROBLEMS + "malformed-request");
		Http.Response wrongType = http().post("/api/sample/items", token, "{\"name\":\"a\",\"size\":\"big\"}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
	}

	@Test
	void problemExceptionKeepsTypeAndPropertiesAndRequestId() {
		Http.Response response = http().send("GET", "/api/sample/conflict",
				TestJwks.shared().token(this.user, "RESEARCHER"), null, Map.of("X-Request-Id", "req-123"));
		assertThat(response.status()).isEqualTo(409);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "sample-busy");
		assertThat(problem.path("detail").asText()).isEqualTo("The sample is busy.");
		assertThat(problem.path("sampleId").asText()).isEqualTo("s-1");
		assertThat(problem.path("requestId").asText()).isEqualTo("req-123");
		assertThat(response.header("X-Request-Id")).isEqualTo("req-123");
	}

	@Test
	void unknownPathAndWrongMethodAreProblems() {
		String token = TestJwks.shared().token(this.user, "RESEARCHER");
		Http.Response notFound = http().get("/api/sample/nothing-here", token);
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.json().path("type").asText()).isEqualTo(PROBLEMS + "not-found");
		Http.Response wrongMethod = http().send("DELETE", "/api/sample/admin", token, null, Map.of());
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.json().path("type").asText()).isEqualTo(PROBLEMS + "method-not-allowed");
	}

	@Test
	void unexpectedErrorLeaksNothing() {
		Http.Response response = http().get("/api/sample/boom", TestJwks.shared().token(this.user, "RESEARCHER"));
		assertThat(response.status()).isEqualTo(500);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "internal-error");
		assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalState");
		assertThat(problem.path("detail").asText()).contains(problem.path("requestId").asText());
	}

}
