package io.physforge.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that must not pass, crafted with nimbus-jose-jwt: every one is a copy of a token
 * that does pass (same subject, claims and, except where the point is otherwise, the real
 * signing key) with exactly one thing wrong. Each is refused by the gateway and, for
 * defence in depth, by a service called directly.
 */
@ExtendWith(RunningSuite.class)
class TokenValidationIT {

	private static final String ISSUER = "physforge-auth";

	private static final String AUDIENCE = "physforge";

	private final Api api;

	private static String userId;

	private static String email;

	TokenValidationIT(Api api) {
		this.api = api;
	}

	@BeforeAll
	static void user(Api api) {
		Api.Tokens tokens = api.newUser("tokens");
		Api.Response me = api.get("/api/auth/me", tokens.accessToken());
		userId = me.json().path("id").asText();
		email = me.json().path("email").asText();
		assertThat(userId).as(me.toString()).isNotBlank();
	}

	@Test
	void aCraftedTokenWithEverythingRightIsAccepted() {
		String token = sign(RunningSuite.SIGNING_KEY, claims(UnaryOperator.identity()));
		assertAccepted(token);
	}

	@Test
	void forgedSignatureIsRefused() {
		RSAKey attacker = RunningSuite.newKey(RunningSuite.SIGNING_KEY.getKeyID());
		assertRefused(sign(attacker, claims(UnaryOperator.identity())));
	}

	@Test
	void tamperedClaimsAreRefused() {
		String good = sign(RunningSuite.SIGNING_KEY, claims(UnaryOperator.identity()));
		String[] parts = good.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"RESEARCHER\"", "\"ADMIN\"");
		assertThat(payload).contains("ADMIN");
		assertRefused(parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2]);
	}

	@Test
	void expiredTokenIsRefused() {
		Instant past = Instant.now().minusSeconds(3600);
		assertRefused(sign(RunningSuite.SIGNING_KEY,
				claims((claims) -> claims.issueTime(Date.from(past))
					.notBeforeTime(Date.from(past))
					.expirationTime(Date.from(past.plusSeconds(900))))));
	}

	@Test
	void wrongIssuerIsRefused() {
		assertRefused(sign(RunningSuite.SIGNING_KEY, claims((claims) -> claims.issuer("https://evil.example"))));
	}

	@Test
	void wrongAudienceIsRefused() {
		assertRefused(sign(RunningSuite.SIGNING_KEY, claims((claims) -> claims.audience("another-app"))));
	}

	@Test
	void unsignedAlgNoneIsRefused() {
		assertRefused(new PlainJWT(claims(UnaryOperator.identity())).serialize());
		// the classic trick: header says none, the real key's kid, and an empty signature
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + RunningSuite.SIGNING_KEY.getKeyID() + "\"}")
						.getBytes(StandardCharsets.UTF_8));
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims(UnaryOperator.identity()).toString().getBytes(StandardCharsets.UTF_8));
		assertRefused(header + "." + payload + ".");
	}

	@Test
	void aDisabledUsersEarlierTokenIsRefusedEverywhereWithinSeconds() {
		Api.Tokens tokens = this.api.newUser("disabled");
		String id = this.api.get("/api/auth/me", tokens.accessToken()).json().path("id").asText();
		assertAccepted(tokens.accessToken());
		Api.Response disabled = this.api.send(this.api.gateway(), "PATCH", "/api/auth/users/" + id,
				java.util.Map.of("enabled", false), this.api.admin().accessToken(), java.util.Map.of());
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
		// revoked in Redis; every service reads it at most a second late
		Awaitility.await()
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.api.get("/api/data/info", tokens.accessToken()).status() == 401);
		assertRefused(tokens.accessToken());
	}

	private void assertAccepted(String token) {
		Api.Response viaGateway = this.api.get("/api/auth/me", token);
		assertThat(viaGateway.status()).as(viaGateway.toString()).isEqualTo(200);
		Api.Response direct = this.api.send(this.api.service("data"), "GET", "/api/data/info", null, token,
				java.util.Map.of());
		assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
	}

	private void assertRefused(String token) {
		for (String path : List.of("/api/auth/me", "/api/data/info", "/api/discovery/info")) {
			Api.Response viaGateway = this.api.get(path, token);
			assertThat(viaGateway.status()).as("gateway " + path + ": " + viaGateway).isEqualTo(401);
			assertThat(viaGateway.header("Content-Type")).startsWith("application/problem+json");
		}
		Api.Response direct = this.api.send(this.api.service("data"), "GET", "/api/data/info", null, token,
				java.util.Map.of());
		assertThat(direct.status()).as("data-service directly: " + direct).isEqualTo(401);
	}

	private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(userId)
			.claim("email", email)
			.claim("roles", List.of("RESEARCHER"))
			.claim("amr", List.of("pwd"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString());
		return change.apply(claims).build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
