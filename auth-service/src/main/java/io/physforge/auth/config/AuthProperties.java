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
	 * Exponential backoff after failures, kept in PostgreSQL so that it holds across
	 * instances and restarts. After the free failures of a scope, each further failure
	 * doubles the wait (from {@code baseDelay}, counted from the last failure) before the
	 * next attempt of that scope is checked; attempts made while waiting are answered 429
	 * with {@code Retry-After} and not counted. Failures older than {@code window} are
	 * forgotten.
	 *
	 * @param freePerPair failures of one account from one address before backoff
	 * ({@code PF_LOGIN_FREE_FAILURES_PER_PAIR})
	 * @param freePerClient failures from one address over all accounts before backoff
	 * ({@code PF_LOGIN_FREE_FAILURES_PER_CLIENT})
	 * @param freeAddressesPerAccount distinct addresses failing on one account before
	 * that account is slowed down for everyone
	 * ({@code PF_LOGIN_FREE_ADDRESSES_PER_ACCOUNT})
	 * @param freePasswordChanges wrong current passwords on
	 * {@code POST /api/auth/password} per user before backoff
	 * ({@code PF_PASSWORD_CHANGE_FREE_FAILURES})
	 * @param baseDelay the first wait ({@code PF_LOGIN_BACKOFF_BASE})
	 * @param maxDelay the longest wait of a pair, an address or a password change
	 * ({@code PF_LOGIN_BACKOFF_MAX})
	 * @param maxAccountDelay the longest wait of a whole account: short, since anyone can
	 * cause it ({@code PF_LOGIN_ACCOUNT_BACKOFF_MAX})
	 * @param window how long failures are remembered ({@code PF_LOGIN_THROTTLE_WINDOW})
	 */
	public record Throttle(@DefaultValue("3") int freePerPair, @DefaultValue("20") int freePerClient,
			@DefaultValue("10") int freeAddressesPerAccount, @DefaultValue("3") int freePasswordChanges,
			@DefaultValue("1s") Duration baseDelay, @DefaultValue("15m") Duration maxDelay,
			@DefaultValue("1m") Duration maxAccountDelay, @DefaultValue("1h") Duration window) {

	}

}
