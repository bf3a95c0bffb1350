package io.physforge.auth.keys;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.physforge.auth.config.AuthProperties;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.security.SecurityProperties;
import io.physforge.platform.security.TokenRevocations;

import org.springframework.stereotype.Component;

/**
 * Signs access tokens: RS256 with the active key's {@code kid}; claims {@code iss},
 * {@code aud}, {@code sub} (user id), {@code email}, {@code roles}, {@code amr}
 * ({@code pwd} or {@code api-key}), {@code iat}, {@code nbf}, {@code exp}, {@code jti}.
 */
@Component
public class AccessTokens {

	private final SigningKeys keys;

	private final SecurityProperties security;

	private final AuthProperties properties;

	private final TokenRevocations revocations;

	AccessTokens(SigningKeys keys, SecurityProperties security, AuthProperties properties,
			TokenRevocations revocations) {
		this.revocations = revocations;
		this.keys = keys;
		this.security = security;
		this.properties = properties;
	}

	/**
	 * @return lifetime of an access token in seconds
	 */
	public long ttlSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

	/**
	 * Makes every service refuse the user's access tokens issued up to this second (see
	 * {@link TokenRevocations}); called on disabling, deletion, a role change, a password
	 * change and logout.
	 * @param userId the user
	 */
	public void revokeAll(UUID userId) {
		this.revocations.revokeAll(userId.toString(),
				this.properties.accessTokenTtl().plus(this.security.clockSkew()).plusSeconds(1));
	}

	/**
	 * Signs a token for a user.
	 * @param userId the user's id (subject)
	 * @param email the user's e-mail
	 * @param roles the user's roles
	 * @param method how the user authenticated: {@code pwd} or {@code api-key}
	 * @return the compact JWT
	 */
	public String issue(UUID userId, String email, List<String> roles, String method) {
		RSAKey key = this.keys.activeKey();
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.security.issuer())
			.audience(this.security.audience())
			.subject(userId.toString())
			.claim(CurrentUser.EMAIL_CLAIM, email)
			.claim(CurrentUser.ROLES_CLAIM, roles)
			.claim("amr", List.of(method))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.accessTokenTtl())))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign an access token with key " + key.getKeyID(), ex);
		}
		return jwt.serialize();
	}

}
