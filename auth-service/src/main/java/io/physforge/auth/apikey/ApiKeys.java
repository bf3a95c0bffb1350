package io.physforge.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.physforge.auth.keys.AccessTokens;
import io.physforge.auth.session.Secrets;
import io.physforge.auth.session.TokenResponse;
import io.physforge.auth.user.User;
import io.physforge.auth.user.UserRepository;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys, table {@code auth.api_keys}. A key reads {@code pfk_<prefix>_<secret>}: 12
 * hex characters of prefix (shown in lists, used for lookup) and 256 random bits of
 * secret; only the SHA-256 of the whole key is stored.
 */
@Service
class ApiKeys {

	private static final String PREFIX = "pfk_";

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final AccessTokens accessTokens;

	private final AuditRecorder audit;

	ApiKeys(JdbcClient jdbc, UserRepository users, AccessTokens accessTokens, AuditRecorder audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.accessTokens = accessTokens;
		this.audit = audit;
	}

	@Transactional
	ApiKeyRecords.Created create(CurrentUser owner, String name, Instant expiresAt) {
		String prefix = Secrets.randomHex(6);
		String key = PREFIX + prefix + "_" + Secrets.random(32);
		UUID id = UUID.randomUUID();
		Instant created = this.jdbc
			.sql("INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, expires_at)"
					+ " VALUES (:id, :user, :name, :prefix, :hash, :expires) RETURNING created_at")
			.param("id", id)
			.param("user", owner.uuid())
			.param("name", name.trim())
			.param("prefix", prefix)
			.param("hash", Secrets.sha256(key))
			.param("expires", (expiresAt != null) ? Timestamp.from(expiresAt) : null, Types.TIMESTAMP)
			.query(Timestamp.class)
			.single()
			.toInstant();
		this.audit.record(AuditEvent.builder("auth.api-key.create", "api-key")
			.actor(owner.id(), owner.roles())
			.resourceId(id)
			.details(Map.of("name", name.trim(), "prefix", prefix, "expiresAt", String.valueOf(expiresAt))));
		return new ApiKeyRecords.Created(id, name.trim(), prefix, key, created, expiresAt);
	}

	List<ApiKeyRecords.Summary> list(CurrentUser owner) {
		return this.jdbc
			.sql("SELECT id, name, prefix, created_at, expires_at, last_used_at FROM api_keys"
					+ " WHERE user_id = :user AND revoked_at IS NULL ORDER BY created_at DESC")
			.param("user", owner.uuid())
			.query(ApiKeys::summary)
			.list();
	}

	@Transactional
	void revoke(CurrentUser caller, UUID id) {
		int changed = this.jdbc
			.sql("UPDATE api_keys SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL"
					+ " AND (user_id = :user OR :admin)")
			.param("id", id)
			.param("user", caller.uuid())
			.param("admin", caller.isAdmin())
			.update();
		if (changed == 0) {
			throw ProblemException.notFound("api-key", id);
		}
		this.audit.record(
				AuditEvent.builder("auth.api-key.revoke", "api-key").actor(caller.id(), caller.roles()).resourceId(id));
	}

	TokenResponse exchange(String key) {
		ProblemException invalid = ProblemException.unauthorized("invalid-api-key",
				"The API key is unknown, revoked or expired; create a new one with POST /api/auth/api-keys.");
		if (!key.startsWith(PREFIX) || key.length() < PREFIX.length() + 14 || key.charAt(PREFIX.length() + 12) != '_') {
			throw invalid;
		}
		String prefix = key.substring(PREFIX.length(), PREFIX.length() + 12);
		Optional<Stored> stored = this.jdbc
			.sql("SELECT id, user_id, secret_hash, expires_at, revoked_at IS NOT NULL AS revoked FROM api_keys"
					+ " WHERE prefix = :prefix")
			.param("prefix", prefix)
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("secret_hash"), instant(rs, "expires_at"), rs.getBoolean("revoked")))
			.optional();
		if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
				Secrets.sha256(key).getBytes(StandardCharsets.US_ASCII))) {
			this.audit.record(AuditEvent.builder("auth.api-key.exchange", "api-key")
				.actor(AuditEvent.ANONYMOUS, List.of())
				.details(Map.of("prefix", prefix))
				.failed(stored.isEmpty() ? "unknown api key" : "wrong api key secret"));
			throw invalid;
		}
		Stored found = stored.get();
		if (found.revoked() || (found.expiresAt() != null && found.expiresAt().isBefore(Instant.now()))) {
			this.audit.record(AuditEvent.builder("auth.api-key.exchange", "api-key")
				.actor(AuditEvent.ANONYMOUS, List.of())
				.resourceId(found.id())
				.denied(found.revoked() ? "api key revoked" : "api key expired"));
			throw invalid;
		}
		User user = this.users.findById(found.userId())
			.filter(User::enabled)
			.orElseThrow(() -> ProblemException.unauthorized("account-disabled",
					"The key's owner is disabled; ask an administrator."));
		this.jdbc.sql("UPDATE api_keys SET last_used_at = now() WHERE id = :id").param("id", found.id()).update();
		this.audit.record(AuditEvent.builder("auth.api-key.exchange", "api-key")
			.actor(user.id().toString(), user.roles())
			.resourceId(found.id()));
		return TokenResponse.bearer(this.accessTokens.issue(user.id(), user.email(), user.roles(), "api-key"), null,
				this.accessTokens.ttlSeconds());
	}

	private static ApiKeyRecords.Summary summary(ResultSet rs, int row) throws SQLException {
		return new ApiKeyRecords.Summary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private record Stored(UUID id, UUID userId, String hash, Instant expiresAt, boolean revoked) {
	}

}
