package io.physforge.auth.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of auth-service ({@code physforge.auth.*}).
 *
 * @param registration who may call {@code POST /api/auth/register}
 * ({@code PF_AUTH_REGISTRATION}: {@code open} or {@code admin-only})
 * @param accessTokenTtl lifetime of access tokens
 * @param refreshTokenTtl lifetime of each refresh token
 * @param bcryptStrength BCrypt cost factor (log2 rounds, 4 to 31)
 * @param admin the first administrator, created on start when absent
 * @param keys the signing key from configuration, if any
 * @param throttle failed-login throttling
 */
@ConfigurationProperties("physforge.auth")
public record AuthProperties(@DefaultValue("open") Registration registration,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("14d") Duration refreshTokenTtl,
		@DefaultValue("10") int bcryptStrength, @DefaultValue Admin admin, @DefaultValue Keys keys,
		@DefaultValue Throttle throttle) {

	/** Who may register. */
	public enum Registration {

		/** Anyone; self-registered users get RESEARCHER. */
		OPEN,
		/** Only an ADMIN, on behalf of someone. */
		ADMIN_ONLY

	}

	/**
	 * The first administrator ({@code PF_ADMIN_EMAIL}, {@code PF_ADMIN_PASSWORD}).
	 *
	 * @param email e-mail; no administrator is created when blank
	 * @param password password, at least 8 characters
	 */
	public record Admin(String email, String password) {

	}

	/**
	 * A signing key from configuration; when absent a key is generated and kept in the
	 * {@code auth} schema.
	 *
	 * @param privateKey RSA private key, PKCS#8 PEM ({@code PF_JWT_PRIVATE_KEY})
	 * @param keyId its {@code kid} ({@code PF_JWT_KEY_ID}); defaults to the RFC 7638
	 * thumbprint
	 */
	public record Keys(String privateKey, String keyId) {

	}

	/**
	 * Failed-login throttling, kept in PostgreSQL so that it holds across instances and
	 * restarts: after {@code maxPerAccount} failures for one e-mail, or
	 * {@code maxPerClient} failures from one client address, within {@code window},
	 * logins from there are answered 429 until the oldest counted failure leaves the
	 * window.
	 *
	 * @param maxPerAccount failures allowed per account within the window
	 * @param maxPerClient failures allowed per client address within the window
	 * @param window the sliding window
	 */
	public record Throttle(@DefaultValue("5") int maxPerAccount, @DefaultValue("20") int maxPerClient,
			@DefaultValue("15m") Duration window) {

	}

}
