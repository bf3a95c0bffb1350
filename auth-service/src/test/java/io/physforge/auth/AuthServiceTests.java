package io.physforge.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.physforge.platform.security.PlatformJwt;
import io.physforge.platform.security.SecurityProperties;
import io.physforge.platform.security.TokenRevocations;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.TestDatabase;
import io.physforge.platform.testing.TestJwks;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * auth-service over real HTTP on the real {@code physforge_test} database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "physforge.auth.bcrypt-strength=4", "physforge.auth.admin.email=" + AuthClient.ADMIN_EMAIL,
				"physforge.auth.admin.password=" + AuthClient.ADMIN_PASSWORD, "physforge.auth.throttle.free-per-pair=3",
				"physforge.auth.throttle.free-per-client=6", "physforge.auth.throttle.free-addresses-per-account=4",
				"physforge.auth.throttle.free-password-changes=2", "physforge.auth.throttle.base-delay=2s" })
class AuthServiceTests {

	private static final String PROBLEMS = "https://physforge.dev/problems/";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SecurityProperties security;

	@Autowired
	private UnifiedJedis redis;

	private AuthClient auth;

	private Http http;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void client() {
		this.auth = new AuthClient(this.port);
		this.http = this.auth.http;
	}

	@Test
	void registerLoginAndMe() {
		String email = AuthClient.newEmail();
		Http.Response registered = this.http.post("/api/auth/register", null,
				Map.of("email", email.toUpperCase(), "password", "password-123", "displayName", "Ada"));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().path("email").asText()).isEqualTo(email);
		assertThat(registered.json().path("roles").toString()).isEqualTo("[\"RESEARCHER\"]");
		assertThat(registered.body()).doesNotContain("password");

		Http.Response login = this.auth.login(email, "password-123");
		assertThat(login.status()).isEqualTo(200);
		JsonNode tokens = login.json();
		assertThat(tokens.path("tokenType").asText()).isEqualTo("Bearer");
		assertThat(tokens.path("expiresIn").asLong()).isEqualTo(900);
		assertThat(tokens.path("refreshToken").asText()).startsWith("pfr_");

		Http.Response me = this.http.get("/api/auth/me", tokens.path("accessToken").asText());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("id").asText()).isEqualTo(registered.json().path("id").asText());
		assertThat(me.json().path("displayName").asText()).isEqualTo("Ada");
		assertThat(this.http.get("/api/auth/info", tokens.path("accessToken").asText()).json().path("service").asText())
			.isEqualTo("auth-service");
	}

	@Test
	void accessTokenCarriesTheAgreedClaimsAndVerifiesAgainstThePublishedJwks() throws Exception {
		AuthClient.Tokens tokens = this.auth.newResearcher();
		SignedJWT jwt = SignedJWT.parse(tokens.access());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("physforge-auth");
		assertThat(claims.getAudience()).containsExactly("physforge");
		assertThat(claims.getStringListClaim("roles")).containsExactly("RESEARCHER");
		assertThat(claims.getStringClaim("email")).isEqualTo(tokens.email());
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);

		Http.Response jwks = this.http.get("/api/auth/.well-known/jwks.json", null);
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.json().path("keys").findValuesAsText("kid")).contains(jwt.getHeader().getKeyID());
		assertThat(jwks.body()).doesNotContain("\"d\"");

		// what every other service does: fetch the JWKS over HTTP and apply the
		// platform's rules
		NimbusJwtDecoder remote = NimbusJwtDecoder
			.withJwkSetUri("http://127.0.0.1:" + this.port + "/api/auth/.well-known/jwks.json")
			.build();
		remote.setJwtValidator(PlatformJwt.validator(this.security));
		Jwt decoded = remote.decode(tokens.access());
		assertThat(decoded.getSubject()).isEqualTo(claims.getSubject());
	}

	@Test
	void registrationReportsEveryInvalidField() {
		Http.Response response = this.http.post("/api/auth/register", null,
				Map.of("email", "not-an-email", "password", "short"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "validation");
		assertThat(problem.path("title").asText()).isNotBlank();
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asText()).contains("email").contains("password");
		assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "password");
	}

	@Test
	void duplicateEmailIsConflict() {
		String email = AuthClient.newEmail();
		assertThat(this.auth.register(email, "password-123").status()).isEqualTo(201);
		Http.Response again = this.auth.register(email.toUpperCase(), "password-456");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("type").asText()).isEqualTo(PROBLEMS + "email-taken");
	}

	@Test
	void wrongPasswordAndUnknownUserAreTheSame401() {
		String email = AuthClient.newEmail();
		this.auth.register(email, "password-123");
		Http.Response wrong = this.auth.login(email, "password-999");
		Http.Response unknown = this.auth.login(AuthClient.newEmail(), "password-999");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.json().path("detail")).isEqualTo(unknown.json().path("detail"));
	}

	@Test
	void refreshRotatesAndReuseRevokesTheFamily() {
		AuthClient.Tokens first = this.auth.newResearcher();
		Http.Response rotated = this.http.post("/api/auth/refresh", null, Map.of("refreshToken", first.refresh()));
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String second = rotated.json().path("refreshToken").asText();
		assertThat(second).isNotEqualTo(first.refresh());
		assertThat(this.http.get("/api/auth/me", rotated.json().path("accessToken").asText()).status()).isEqualTo(200);

		// the spent token comes back: someone copied it
		Http.Response reuse = this.http.post("/api/auth/refresh", null, Map.of("refreshToken", first.refresh()));
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.json().path("type").asText()).isEqualTo(PROBLEMS + "refresh-token-reused");
		// the legitimate successor is revoked with the family
		Http.Response successor = this.http.post("/api/auth/refresh", null, Map.of("refreshToken", second));
		assertThat(successor.status()).isEqualTo(401);
		assertThat(successor.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-refresh-token");
		// another session of the same user is untouched
		Http.Response other = this.auth.login(first.email(), "password-123");
		assertThat(this.http
			.post("/api/auth/refresh", null, Map.of("refreshToken", other.json().path("refreshToken").asText()))
			.status()).isEqualTo(200);
	}

	@Test
	void logoutRevokesTheFamily() {
		AuthClient.Tokens tokens = this.auth.newResearcher();
		assertThat(this.http.post("/api/auth/logout", null, Map.of("refreshToken", tokens.refresh())).status())
			.isEqualTo(204);
		Http.Response refresh = this.http.post("/api/auth/refresh", null, Map.of("refreshToken", tokens.refresh()));
		assertThat(refresh.status()).isEqualTo(401);
		assertThat(this.http.post("/api/auth/refresh", null, Map.of("refreshToken", "pfr_unknown")).status())
			.isEqualTo(401);
	}

	@Test
	void passwordChangeNeedsTheCurrentPasswordAndEndsSessions() {
		AuthClient.Tokens tokens = this.auth.newResearcher();
		Http.Response wrong = this.http.post("/api/auth/password", tokens.access(),
				Map.of("currentPassword", "nope-nope", "newPassword", "new-password-1"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().path("type").asText()).isEqualTo(PROBLEMS + "wrong-password");
		assertThat(this.http
			.post("/api/auth/password", null,
					Map.of("currentPassword", "password-123", "newPassword", "new-password-1"))
			.status()).isEqualTo(401);

		assertThat(this.http
			.post("/api/auth/password", tokens.access(),
					Map.of("currentPassword", "password-123", "newPassword", "new-password-1"))
			.status()).isEqualTo(204);
		assertThat(this.auth.login(tokens.email(), "password-123").status()).isEqualTo(401);
		assertThat(this.auth.login(tokens.email(), "new-password-1").status()).isEqualTo(200);
		assertThat(this.http.post("/api/auth/refresh", null, Map.of("refreshToken", tokens.refresh())).status())
			.isEqualTo(401);
	}

	@Test
	void failedLoginsBackOffTheGuessingAddressWithGrowingDelaysButNotTheOwner() {
		String email = AuthClient.newEmail();
		this.auth.register(email, "password-123");
		String guesser = AuthClient.randomAddress();
		for (int i = 0; i < 3; i++) {
			assertThat(this.auth.login(email, "wrong-password", guesser).status()).isEqualTo(401);
		}
		// the guessing address waits, even with the right password
		Http.Response first = this.auth.login(email, "password-123", guesser);
		assertThat(first.status()).isEqualTo(429);
		assertThat(first.json().path("type").asText()).isEqualTo(PROBLEMS + "login-throttled");
		long firstWait = Long.parseLong(first.header("Retry-After"));
		assertThat(firstWait).isBetween(1L, 2L);
		assertThat(first.json().path("retryAfterSeconds").asLong()).isEqualTo(firstWait);
		// the owner, from an address with no failures, logs in meanwhile
		assertThat(this.auth.login(email, "password-123", AuthClient.randomAddress()).status()).isEqualTo(200);

		// once the wait is over the guesser may fail once more, and then waits twice as
		// long
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.auth.login(email, "wrong-password", guesser).status() == 401);
		Http.Response second = this.auth.login(email, "wrong-password", guesser);
		assertThat(second.status()).isEqualTo(429);
		assertThat(Long.parseLong(second.header("Retry-After"))).isGreaterThan(firstWait).isBetween(3L, 4L);
		// other accounts are unaffected
		assertThat(this.auth.newResearcher().access()).isNotBlank();
	}

	@Test
	void manyFailingAddressesSlowTheAccountDownForEveryoneButOnlyBriefly() {
		String email = AuthClient.newEmail();
		this.auth.register(email, "password-123");
		for (int i = 0; i < 4; i++) {
			assertThat(this.auth.login(email, "wrong-password", AuthClient.randomAddress()).status()).isEqualTo(401);
		}
		Http.Response blocked = this.auth.login(email, "password-123", AuthClient.randomAddress());
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.json().path("detail").asText()).contains("for this account");
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 2L);
		// a slowdown, not a lockout: the owner gets in once the short wait is over
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.auth.login(email, "password-123", AuthClient.randomAddress()).status() == 200);
	}

	@Test
	void guessingTheCurrentPasswordIsThrottledPerUser() {
		AuthClient.Tokens user = this.auth.newResearcher();
		AuthClient.Tokens other = this.auth.newResearcher();
		for (int i = 0; i < 2; i++) {
			assertThat(this.http
				.post("/api/auth/password", user.access(),
						Map.of("currentPassword", "guess-" + i, "newPassword", "new-password-1"))
				.status()).isEqualTo(400);
		}
		// from another address too, and even the right password has to wait
		Http.Response throttled = this.http.send("POST", "/api/auth/password", user.access(),
				Map.of("currentPassword", "password-123", "newPassword", "new-password-1"),
				Map.of("X-Forwarded-For", AuthClient.randomAddress()));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.json().path("type").asText()).isEqualTo(PROBLEMS + "password-change-throttled");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 2L);
		assertThat(this.http
			.post("/api/auth/password", other.access(),
					Map.of("currentPassword", "password-123", "newPassword", "new-password-1"))
			.status()).isEqualTo(204);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.http
				.post("/api/auth/password", user.access(),
						Map.of("currentPassword", "password-123", "newPassword", "new-password-1"))
				.status() == 204);
	}

	@Test
	void disablingARoleChangeAndLogoutRefuseEarlierTokensInOtherServicesWithinSeconds() {
		String admin = this.auth.admin().access();
		// another service: the JWKS over HTTP, the platform's rules, its own revocation
		// cache
		NimbusJwtDecoder service = NimbusJwtDecoder
			.withJwkSetUri("http://127.0.0.1:" + this.port + "/api/auth/.well-known/jwks.json")
			.build();
		service.setJwtValidator(
				PlatformJwt.validator(this.security, new TokenRevocations(this.redis, Duration.ofSeconds(1))));

		AuthClient.Tokens disabled = this.auth.newResearcher();
		String disabledId = this.http.get("/api/auth/me", disabled.access()).json().path("id").asText();
		assertRevokedAfter(service, disabled.access(), () -> this.http.send("PATCH", "/api/auth/users/" + disabledId,
				admin, Map.of("enabled", false), Map.of()));
		assertThat(this.http.get("/api/auth/me", disabled.access()).status()).isEqualTo(401);

		AuthClient.Tokens promoted = this.auth.newResearcher();
		String promotedId = this.http.get("/api/auth/me", promoted.access()).json().path("id").asText();
		assertRevokedAfter(service, promoted.access(), () -> this.http.send("PATCH", "/api/auth/users/" + promotedId,
				admin, Map.of("roles", List.of("VIEWER")), Map.of()));

		AuthClient.Tokens loggedOut = this.auth.newResearcher();
		assertRevokedAfter(service, loggedOut.access(),
				() -> this.http.post("/api/auth/logout", null, Map.of("refreshToken", loggedOut.refresh())));
		// a new login is accepted again (issued in a later second than the revocation)
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(
					service.decode(this.auth.tokens(loggedOut.email(), "password-123").access()).getSubject())
				.isNotBlank());
	}

	private void assertRevokedAfter(NimbusJwtDecoder service, String token, Supplier<Http.Response> change) {
		assertThat(service.decode(token).getSubject()).isNotBlank();
		Http.Response changed = change.get();
		assertThat(changed.status()).as(changed.toString()).isBetween(200, 204);
		long started = System.currentTimeMillis();
		Awaitility.await()
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> assertThatThrownBy(() -> service.decode(token)).isInstanceOf(JwtValidationException.class)
						.hasMessageContaining("revoked"));
		assertThat(System.currentTimeMillis() - started).isLessThan(2500);
	}

	@Test
	void failedLoginsAreThrottledPerClientAddress() {
		String address = AuthClient.randomAddress();
		AuthClient.Tokens victim = this.auth.newResearcher();
		for (int i = 0; i < 6; i++) {
			assertThat(this.auth.login(AuthClient.newEmail(), "wrong-password", address).status()).isEqualTo(401);
		}
		assertThat(this.auth.login(victim.email(), "password-123", address).status()).isEqualTo(429);
		assertThat(this.auth.login(victim.email(), "password-123", AuthClient.randomAddress()).status()).isEqualTo(200);
	}

	@Test
	void adminManagesUsers() {
		String admin = this.auth.admin().access();
		String email = AuthClient.newEmail();
		Http.Response created = this.http.post("/api/auth/users", admin,
				Map.of("email", email, "password", "password-123", "roles", List.of("VIEWER")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(created.json().path("roles").toString()).isEqualTo("[\"VIEWER\"]");

		Http.Response page = this.http.get("/api/auth/users?page=0&size=200", admin);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(this.http.get("/api/auth/users/" + id, admin).json().path("email").asText()).isEqualTo(email);

		Http.Response patched = this.http.send("PATCH", "/api/auth/users/" + id, admin,
				Map.of("roles", List.of("RESEARCHER"), "enabled", false), Map.of());
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().path("roles").toString()).isEqualTo("[\"RESEARCHER\"]");
		assertThat(patched.json().path("enabled").asBoolean()).isFalse();
		Http.Response disabled = this.auth.login(email, "password-123");
		assertThat(disabled.status()).isEqualTo(401);
		assertThat(disabled.json().path("type").asText()).isEqualTo(PROBLEMS + "account-disabled");

		Http.Response badRole = this.http.send("PATCH", "/api/auth/users/" + id, admin,
				Map.of("roles", List.of("ROOT")), Map.of());
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(badRole.json().path("errors").get(0).path("field").asText()).isEqualTo("roles[0]");

		assertThat(this.http.send("DELETE", "/api/auth/users/" + id, admin, null, Map.of()).status()).isEqualTo(204);
		Http.Response gone = this.http.get("/api/auth/users/" + id, admin);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.json().path("type").asText()).isEqualTo(PROBLEMS + "user-not-found");
		assertThat(this.http.get("/api/auth/users/not-a-uuid", admin).status()).isEqualTo(400);
	}

	@Test
	void viewerAndResearcherGet403OnAdminEndpoints() {
		String admin = this.auth.admin().access();
		String email = AuthClient.newEmail();
		this.http.post("/api/auth/users", admin,
				Map.of("email", email, "password", "password-123", "roles", List.of("VIEWER")));
		String viewer = this.auth.tokens(email, "password-123").access();
		for (Http.Response response : List.of(this.http.get("/api/auth/users", viewer),
				this.http.get("/api/auth/users/" + UUID.randomUUID(), viewer),
				this.http.post("/api/auth/users", viewer,
						Map.of("email", AuthClient.newEmail(), "password", "password-123", "roles", List.of("ADMIN"))),
				this.http.post("/api/auth/keys/rotate", viewer, null),
				this.http.get("/api/auth/users", this.auth.newResearcher().access()))) {
			assertThat(response.status()).as(response.toString()).isEqualTo(403);
			assertThat(response.json().path("type").asText()).isEqualTo(PROBLEMS + "forbidden");
		}
		assertThat(this.http.get("/api/auth/users", null).status()).isEqualTo(401);
		assertThat(this.http.get("/api/auth/me", viewer).status()).isEqualTo(200);
	}

	@Test
	void apiKeysAreShownOnceExchangedAndRevoked() throws Exception {
		AuthClient.Tokens owner = this.auth.newResearcher();
		Http.Response created = this.http.post("/api/auth/api-keys", owner.access(), Map.of("name", "laptop cli"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String key = created.json().path("key").asText();
		String id = created.json().path("id").asText();
		assertThat(key).startsWith("pfk_" + created.json().path("prefix").asText() + "_");

		Http.Response list = this.http.get("/api/auth/api-keys", owner.access());
		assertThat(list.json().findValuesAsText("id")).containsExactly(id);
		assertThat(list.body()).doesNotContain(key.substring(17));

		Http.Response exchanged = this.http.post("/api/auth/api-keys/exchange", null, Map.of("apiKey", key));
		assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(200);
		assertThat(exchanged.json().has("refreshToken")).isFalse();
		String access = exchanged.json().path("accessToken").asText();
		assertThat(SignedJWT.parse(access).getJWTClaimsSet().getStringListClaim("amr")).containsExactly("api-key");
		assertThat(this.http.get("/api/auth/me", access).json().path("email").asText()).isEqualTo(owner.email());
		assertThat(this.http.get("/api/auth/api-keys", owner.access()).json().get(0).path("lastUsedAt").isNull())
			.isFalse();

		String tampered = key.substring(0, key.length() - 2) + (key.endsWith("AA") ? "BB" : "AA");
		assertThat(this.http.post("/api/auth/api-keys/exchange", null, Map.of("apiKey", tampered)).status())
			.isEqualTo(401);
		// someone else's key is invisible
		String stranger = this.auth.newResearcher().access();
		assertThat(this.http.send("DELETE", "/api/auth/api-keys/" + id, stranger, null, Map.of()).status())
			.isEqualTo(404);
		assertThat(this.http.send("DELETE", "/api/auth/api-keys/" + id, owner.access(), null, Map.of()).status())
			.isEqualTo(204);
		Http.Response revoked = this.http.post("/api/auth/api-keys/exchange", null, Map.of("apiKey", key));
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-api-key");
		assertThat(this.http.get("/api/auth/api-keys", owner.access()).json()).isEmpty();
	}

	@Test
	void rotationKeepsTheOldKeyUntilItsTokensExpire() throws Exception {
		String admin = this.auth.admin().access();
		AuthClient.Tokens before = this.auth.newResearcher();
		String oldKid = SignedJWT.parse(before.access()).getHeader().getKeyID();

		Http.Response rotation = this.http.post("/api/auth/keys/rotate", admin, null);
		assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
		String newKid = rotation.json().path("kid").asText();
		assertThat(rotation.json().path("previousKid").asText()).isEqualTo(oldKid);
		assertThat(newKid).isNotEqualTo(oldKid);

		List<String> kids = this.http.get("/api/auth/.well-known/jwks.json", null).json().findValuesAsText("kid");
		assertThat(kids).contains(oldKid, newKid);
		assertThat(this.http.get("/api/auth/me", before.access()).status()).isEqualTo(200);
		AuthClient.Tokens after = this.auth.tokens(before.email(), "password-123");
		assertThat(SignedJWT.parse(after.access()).getHeader().getKeyID()).isEqualTo(newKid);
		assertThat(this.http.get("/api/auth/me", after.access()).status()).isEqualTo(200);

		// once the old key was retired longer ago than the access-token lifetime, it
		// leaves the JWKS
		this.jdbc.sql("UPDATE signing_keys SET retired_at = now() - interval '1 hour' WHERE kid = :kid")
			.param("kid", oldKid)
			.update();
		this.http.post("/api/auth/keys/rotate", this.auth.admin().access(), null);
		kids = this.http.get("/api/auth/.well-known/jwks.json", null).json().findValuesAsText("kid");
		assertThat(kids).doesNotContain(oldKid).contains(newKid);
		assertThat(this.http.get("/api/auth/me", before.access()).status()).isEqualTo(401);
		assertThat(this.http.get("/api/auth/me", after.access()).status()).isEqualTo(200);
	}

	@Test
	void badTokensAre401() throws Exception {
		AuthClient.Tokens tokens = this.auth.newResearcher();
		JWTClaimsSet valid = SignedJWT.parse(tokens.access()).getJWTClaimsSet();
		RSAKey active = RSAKey
			.parse(this.jdbc.sql("SELECT jwk FROM signing_keys WHERE retired_at IS NULL").query(String.class).single());
		// control: a token we sign ourselves with the real key and valid claims is
		// accepted
		assertThat(this.http.get("/api/auth/me", TestJwks.sign(active, valid)).status()).isEqualTo(200);

		Instant past = Instant.now().minusSeconds(7200);
		Map<String, String> bad = new java.util.LinkedHashMap<>();
		bad.put("forged signature", TestJwks.sign(TestJwks.newKey(active.getKeyID()), valid));
		bad.put("expired",
				TestJwks.sign(active,
						new JWTClaimsSet.Builder(valid).issueTime(Date.from(past))
							.notBeforeTime(Date.from(past))
							.expirationTime(Date.from(past.plusSeconds(900)))
							.build()));
		bad.put("wrong issuer", TestJwks.sign(active, new JWTClaimsSet.Builder(valid).issuer("evil").build()));
		bad.put("wrong audience", TestJwks.sign(active, new JWTClaimsSet.Builder(valid).audience("other").build()));
		bad.put("alg none", new PlainJWT(valid).serialize());
		SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(active.getKeyID()).build(),
				valid);
		hmac.sign(new MACSigner(active.toRSAPublicKey().getEncoded()));
		bad.put("HS256", hmac.serialize());
		bad.put("tampered payload", tokens.access()
			.replaceFirst("\\.[^.]+\\.", "." + java.util.Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						new JWTClaimsSet.Builder(valid).claim("roles", List.of("ADMIN")).build().toString().getBytes())
					+ "."));
		bad.forEach((name, token) -> {
			Http.Response response = this.http.get("/api/auth/me", token);
			assertThat(response.status()).as(name + ": " + response).isEqualTo(401);
			assertThat(response.json().path("type").asText()).as(name).isEqualTo(PROBLEMS + "invalid-token");
		});
	}

	@Test
	void healthAndOpenApiAreOpen() {
		assertThat(this.http.get("/actuator/health", null).json().path("status").asText()).isEqualTo("UP");
		Http.Response docs = this.http.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/auth/login")).isTrue();
		assertThat(this.http.get("/api/auth/me", null).status()).isEqualTo(401);
	}

}
