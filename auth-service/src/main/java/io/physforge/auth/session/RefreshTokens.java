package io.physforge.auth.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.physforge.auth.config.AuthProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code auth.refresh_tokens}: opaque tokens ({@code pfr_} + 256 random bits)
 * stored as SHA-256, grouped in families that start at login.
 */
@Repository
public class RefreshTokens {

	private static final String PREFIX = "pfr_";

	private final JdbcClient jdbc;

	private final Duration ttl;

	RefreshTokens(JdbcClient jdbc, AuthProperties properties) {
		this.jdbc = jdbc;
		this.ttl = properties.refreshTokenTtl();
	}

	/**
	 * Issues a token in a family.
	 * @param userId owner
	 * @param familyId family, new at login
	 * @return the token in clear, to hand to the client once
	 */
	String issue(UUID userId, UUID familyId) {
		String token = PREFIX + Secrets.random(32);
		this.jdbc
			.sql("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)"
					+ " VALUES (:id, :user, :family, :hash, :expires)")
			.param("id", UUID.randomUUID())
			.param("user", userId)
			.param("family", familyId)
			.param("hash", Secrets.sha256(token))
			.param("expires", Timestamp.from(Instant.now().plus(this.ttl)))
			.update();
		return token;
	}

	Optional<Stored> find(String token) {
		return this.jdbc
			.sql("SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens"
					+ " WHERE token_hash = :hash")
			.param("hash", Secrets.sha256(token))
			.query(RefreshTokens::map)
			.optional();
	}

	/**
	 * @return whether this call spent the token (false: it was spent or revoked before)
	 */
	boolean spend(UUID id) {
		return this.jdbc
			.sql("UPDATE refresh_tokens SET used_at = now() WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
			.param("id", id)
			.update() == 1;
	}

	/**
	 * @return number of tokens revoked
	 */
	int revokeFamily(UUID familyId) {
		return this.jdbc
			.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL")
			.param("family", familyId)
			.update();
	}

	/**
	 * Revokes every refresh token of a user, as after a password change.
	 * @param userId the user
	 * @return number of tokens revoked
	 */
	public int revokeAllOf(UUID userId) {
		return this.jdbc
			.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
			.param("user", userId)
			.update();
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getObject("family_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
				rs.getTimestamp("used_at") != null, rs.getTimestamp("revoked_at") != null);
	}

	record Stored(UUID id, UUID userId, UUID familyId, Instant expiresAt, boolean used, boolean revoked) {
	}

}
