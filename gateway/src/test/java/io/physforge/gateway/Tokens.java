package io.physforge.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Crafts access tokens, good and bad, the way auth-service (or an attacker) would. */
final class Tokens {

	static final String ISSUER = "physforge-auth";

	static final String AUDIENCE = "physforge";

	private final RSAKey key;

	Tokens(RSAKey key) {
		this.key = key;
	}

	static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String valid() {
		return sign(this.key, claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300)));
	}

	String withRoles(String... roles) {
		return sign(this.key,
				new JWTClaimsSet.Builder(claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300)))
					.claim("roles", List.of(roles))
					.build());
	}

	String expired() {
		return sign(this.key, claims(ISSUER, AUDIENCE, Instant.now().minusSeconds(600)));
	}

	String wrongIssuer() {
		return sign(this.key, claims("someone-else", AUDIENCE, Instant.now().plusSeconds(300)));
	}

	String wrongAudience() {
		return sign(this.key, claims(ISSUER, "another-app", Instant.now().plusSeconds(300)));
	}

	/** Signed with a fresh key that claims the real key's id. */
	String forged() {
		return sign(newKey(this.key.getKeyID()), claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300)));
	}

	/** Valid but without {@code exp}. */
	String withoutExpiry() {
		JWTClaimsSet claims = claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300));
		return sign(this.key, new JWTClaimsSet.Builder(claims).expirationTime(null).build());
	}

	/** Valid but without {@code sub}. */
	String withoutSubject() {
		JWTClaimsSet claims = claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300));
		return sign(this.key, new JWTClaimsSet.Builder(claims).subject(null).build());
	}

	String unsigned() {
		return new PlainJWT(claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300))).serialize();
	}

	private static JWTClaimsSet claims(String issuer, String audience, Instant expires) {
		return new JWTClaimsSet.Builder().subject("user-1")
			.issuer(issuer)
			.audience(List.of(audience))
			.issueTime(Date.from(expires.minusSeconds(900)))
			.expirationTime(Date.from(expires))
			.claim("roles", List.of("SCIENTIST"))
			.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
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
