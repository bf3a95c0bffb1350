package io.physforge.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Revokes every access token of a user issued up to now: auth-service writes
 * {@code pf:auth:revoked:<user id>} = epoch second in Redis, expiring with the longest
 * token; every service's validator refuses a token whose {@code iat} is not after it.
 * Lookups are cached for {@code cacheFor} (about a second), so a revocation is seen
 * everywhere within that time. When Redis cannot be read the check fails open (the token
 * is accepted, a warning logged): an outage of Redis must not log everyone out, and the
 * exposure is bounded by the access-token lifetime, as it was before revocation existed.
 */
public class TokenRevocations {

	/** Prefix of the Redis keys. */
	public static final String KEY_PREFIX = "pf:auth:revoked:";

	private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

	private static final int MAX_CACHED = 10_000;

	private final UnifiedJedis redis;

	private final long cacheMillis;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final AtomicLong lastWarning = new AtomicLong();

	/**
	 * @param redis the Redis client
	 * @param cacheFor how long a lookup is reused
	 */
	public TokenRevocations(UnifiedJedis redis, Duration cacheFor) {
		this.redis = redis;
		this.cacheMillis = cacheFor.toMillis();
	}

	/**
	 * Revokes every token of a user issued up to this second.
	 * @param userId the {@code sub} of the tokens
	 * @param keepFor how long to remember it: at least the access-token lifetime plus
	 * clock skew
	 * @throws JedisException when Redis is unreachable (the caller's change should fail)
	 */
	public void revokeAll(String userId, Duration keepFor) {
		this.redis.set(KEY_PREFIX + userId, Long.toString(Instant.now().getEpochSecond()),
				SetParams.setParams().ex(Math.max(1, keepFor.toSeconds())));
		this.cache.remove(userId);
	}

	/**
	 * Whether a token was revoked.
	 * @param jwt the token
	 * @return {@code true} when its user's tokens were revoked at or after its
	 * {@code iat}
	 */
	public boolean isRevoked(Jwt jwt) {
		if (jwt.getSubject() == null) {
			return false;
		}
		long revokedAt = revokedAt(jwt.getSubject());
		if (revokedAt < 0) {
			return false;
		}
		Instant issued = jwt.getIssuedAt();
		return issued == null || issued.getEpochSecond() <= revokedAt;
	}

	/**
	 * The validator to add to a decoder's.
	 * @return a validator answering {@code invalid_token} for revoked tokens
	 */
	public OAuth2TokenValidator<Jwt> validator() {
		OAuth2Error revoked = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
				"The token was revoked (account disabled, roles changed, password changed or logged out)", null);
		return (jwt) -> isRevoked(jwt) ? OAuth2TokenValidatorResult.failure(revoked)
				: OAuth2TokenValidatorResult.success();
	}

	private long revokedAt(String userId) {
		long now = System.currentTimeMillis();
		Cached cached = this.cache.get(userId);
		if (cached != null && now - cached.readAt() < this.cacheMillis) {
			return cached.revokedAt();
		}
		long revokedAt;
		try {
			String value = this.redis.get(KEY_PREFIX + userId);
			revokedAt = (value != null) ? Long.parseLong(value) : -1;
		}
		catch (JedisException | NumberFormatException ex) {
			warn(ex);
			return -1;
		}
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		this.cache.put(userId, new Cached(revokedAt, now));
		return revokedAt;
	}

	private void warn(RuntimeException ex) {
		long now = System.currentTimeMillis();
		long last = this.lastWarning.get();
		if (now - last > 10_000 && this.lastWarning.compareAndSet(last, now)) {
			log.warn("Token revocations cannot be read from Redis; tokens are accepted unchecked until it is back: {}",
					ex.toString());
		}
	}

	private record Cached(long revokedAt, long readAt) {
	}

}
