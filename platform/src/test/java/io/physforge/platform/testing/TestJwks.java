package io.physforge.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.physforge.platform.security.SecurityProperties;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A JWKS served over real HTTP from {@code 127.0.0.1} (JDK HTTP server) with the RSA key
 * that signs test tokens, so services under test fetch and verify keys exactly as in
 * production. One instance per JVM: {@link #shared()}.
 */
public final class TestJwks {

	/** Issuer of test tokens (the platform default). */
	public static final String ISSUER = SecurityProperties.DEFAULT_ISSUER;

	/** Audience of test tokens (the platform default). */
	public static final String AUDIENCE = SecurityProperties.DEFAULT_AUDIENCE;

	private static TestJwks shared;

	private final RSAKey key;

	private final HttpServer server;

	private TestJwks() {
		this.key = newKey("test-key-1");
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the test JWKS server", ex);
		}
		byte[] body = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/jwks.json", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.setExecutor(null);
		this.server.start();
	}

	/**
	 * @return the JVM's test JWKS, started on first use
	 */
	public static synchronized TestJwks shared() {
		if (shared == null) {
			shared = new TestJwks();
		}
		return shared;
	}

	/**
	 * A fresh RSA 2048 key pair.
	 * @param kid its key id
	 * @return the key
	 */
	public static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return where the JWKS is served
	 */
	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks.json";
	}

	/**
	 * @return the signing key (private and public parts)
	 */
	public RSAKey key() {
		return this.key;
	}

	/**
	 * Points {@code physforge.security.*} at this JWKS with the default issuer and
	 * audience.
	 * @param registry the test's dynamic properties
	 */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("physforge.security.jwks-uri", this::jwksUri);
		registry.add("physforge.security.issuer", () -> ISSUER);
		registry.add("physforge.security.audience", () -> AUDIENCE);
	}

	/**
	 * A valid five-minute access token.
	 * @param subject user id
	 * @param roles roles claim
	 * @return the signed token
	 */
	public String token(String subject, String... roles) {
		return sign(claims(subject, roles).build());
	}

	/**
	 * Claims of a valid five-minute token, for tests that alter one of them.
	 * @param subject user id
	 * @param roles roles claim
	 * @return a builder holding issuer, audience, subject, email, roles, iat, exp, jti
	 */
	public static JWTClaimsSet.Builder claims(String subject, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(subject)
			.claim("email", subject + "@test.physforge.dev")
			.claim("roles", List.of(roles))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString());
	}

	/**
	 * Signs claims with this JWKS's key.
	 * @param claims the claims
	 * @return the compact token
	 */
	public String sign(JWTClaimsSet claims) {
		return sign(this.key, claims);
	}

	/**
	 * Signs claims RS256 with any key, header {@code kid} taken from the key.
	 * @param key the private key
	 * @param claims the claims
	 * @return the compact token
	 */
	public static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
