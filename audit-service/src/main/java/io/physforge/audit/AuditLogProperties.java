package io.physforge.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log ({@code physforge.audit.*}; {@code enabled} and
 * {@code stream} of the same prefix belong to the platform's publisher).
 *
 * @param checkpointEvery a signed checkpoint is written after this many new events
 * ({@code PF_AUDIT_CHECKPOINT_EVERY})
 * @param checkpointInterval and at least this often while new events arrive
 * ({@code PF_AUDIT_CHECKPOINT_INTERVAL})
 * @param hmacKey base64 HMAC-SHA256 key of the chain, at least 32 bytes
 * ({@code PF_AUDIT_HMAC_KEY}); empty: generated once into {@code keyDir}
 * @param signingKey base64 PKCS#8 Ed25519 private key of the checkpoints
 * ({@code PF_AUDIT_SIGNING_KEY}); empty: generated once into {@code keyDir}
 * @param keyDir where generated keys are kept, files mode 600 ({@code PF_AUDIT_KEY_DIR})
 * @param fetchSize rows fetched per round trip when walking the log
 * ({@code PF_AUDIT_FETCH_SIZE})
 * @param retention events older than this are summarised into a signed retention
 * checkpoint and then removed ({@code PF_AUDIT_RETENTION}, e.g. {@code 2555d}); unset:
 * kept forever
 */
@ConfigurationProperties("physforge.audit")
public record AuditLogProperties(@DefaultValue("1000") int checkpointEvery,
		@DefaultValue("60s") Duration checkpointInterval, String hmacKey, String signingKey, Path keyDir,
		@DefaultValue("2000") int fetchSize, Duration retention) {

	public AuditLogProperties {
		if (checkpointEvery < 1) {
			throw new IllegalArgumentException("physforge.audit.checkpoint-every must be 1 or more");
		}
		if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
			throw new IllegalArgumentException("physforge.audit.checkpoint-interval must be positive");
		}
		if (retention != null && (retention.isNegative() || retention.isZero())) {
			throw new IllegalArgumentException("physforge.audit.retention must be positive when set");
		}
		if (keyDir == null) {
			keyDir = Path.of(System.getProperty("user.home"), ".physforge", "audit-keys");
		}
	}

}
