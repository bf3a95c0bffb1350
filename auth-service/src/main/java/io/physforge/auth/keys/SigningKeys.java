package io.physforge.auth.keys;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.physforge.auth.config.AuthProperties;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's RS256 key pairs.
 * <p>
 * With {@code PF_JWT_PRIVATE_KEY} set, that key signs and is published; rotation is then
 * done by redeploying with a new key. Otherwise an RSA 2048 key is generated on first
 * start and kept in {@code auth.signing_keys} (for local use: the private key is stored
 * unencrypted). {@link #rotate()} retires the active key and makes a new one; a retired
 * key stays in the JWKS until {@code retired_at + access-token TTL + clock skew}, so the
 * tokens it signed keep working until they expire.
 * <p>
 * Also the {@link JWKSource} of auth-service's own token decoder.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final long LOCK_ID = 0x5046_4b45_5953L; // "PFKEYS"

	private static final Duration CACHE_TTL = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Duration publishRetiredFor;

	private final RSAKey configured;

	private final Map<String, RSAKey> privateKeys = new ConcurrentHashMap<>();

	private volatile Published published;

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, AuthProperties properties,
			SecurityProperties security) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.publishRetiredFor = properties.accessTokenTtl().plus(security.clockSkew());
		this.configured = configuredKey(properties.keys());
	}

	/**
	 * The key that signs new tokens; generated and stored when there is none.
	 * @return the active private key
	 */
	public RSAKey activeKey() {
		if (this.configured != null) {
			return this.configured;
		}
		String kid = this.jdbc.sql("SELECT kid FROM signing_keys WHERE retired_at IS NULL")
			.query(String.class)
			.optional()
			.orElseGet(() -> this.transactions.execute((status) -> createIfNoneActive()));
		return this.privateKeys.computeIfAbsent(kid, this::load);
	}

	/**
	 * Retires the active key and makes a new one.
	 * @return the new and the retired key ids
	 * @throws ProblemException 409 when the key comes from configuration
	 */
	public Rotation rotate() {
		if (this.configured != null) {
			throw ProblemException.conflict("keys-from-configuration",
					"The signing key is set by PF_JWT_PRIVATE_KEY; rotate it by deploying a new key.");
		}
		Rotation rotation = this.transactions.execute((status) -> {
			lock();
			String previous = this.jdbc
				.sql("UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL" + " RETURNING kid")
				.query(String.class)
				.optional()
				.orElse(null);
			RSAKey key = insertNew();
			return new Rotation(key.getKeyID(), previous,
					(previous != null) ? Instant.now().plus(this.publishRetiredFor) : null);
		});
		this.published = null;
		log.info("Rotated JWT signing key: {} replaces {}", rotation.kid(), rotation.previousKid());
		return rotation;
	}

	/**
	 * @return the public keys to publish: the active one and retired ones still in use
	 */
	public JWKSet publicKeys() {
		Published current = this.published;
		if (current == null || current.loadedAt().plus(CACHE_TTL).isBefore(Instant.now())) {
			current = loadPublished();
			this.published = current;
		}
		return current.keys();
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		List<JWK> selected = selector.select(publicKeys());
		if (selected.isEmpty()) { // a key created by another instance or a rotation
			this.published = loadPublished();
			selected = selector.select(this.published.keys());
		}
		return selected;
	}

	private Published loadPublished() {
		activeKey();
		List<JWK> keys = new ArrayList<>();
		if (this.configured != null) {
			keys.add(this.configured.toPublicJWK());
		}
		long seconds = this.publishRetiredFor.toSeconds();
		this.jdbc
			.sql("SELECT jwk FROM signing_keys WHERE retired_at IS NULL"
					+ " OR retired_at > now() - make_interval(secs => :seconds) ORDER BY created_at DESC")
			.param("seconds", seconds)
			.query(String.class)
			.list()
			.forEach((json) -> keys.add(parse(json).toPublicJWK()));
		return new Published(new JWKSet(keys), Instant.now());
	}

	private String createIfNoneActive() {
		lock();
		return this.jdbc.sql("SELECT kid FROM signing_keys WHERE retired_at IS NULL")
			.query(String.class)
			.optional()
			.orElseGet(() -> {
				RSAKey key = insertNew();
				log.info("Generated JWT signing key {} and stored it in auth.signing_keys (local use; "
						+ "set PF_JWT_PRIVATE_KEY in production)", key.getKeyID());
				return key.getKeyID();
			});
	}

	private RSAKey insertNew() {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
			this.jdbc.sql("INSERT INTO signing_keys (kid, jwk) VALUES (:kid, :jwk)")
				.param("kid", key.getKeyID())
				.param("jwk", key.toJSONString())
				.update();
			this.privateKeys.put(key.getKeyID(), key);
			return key;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key pair", ex);
		}
	}

	private RSAKey load(String kid) {
		return parse(this.jdbc.sql("SELECT jwk FROM signing_keys WHERE kid = :kid")
			.param("kid", kid)
			.query(String.class)
			.single());
	}

	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:id)").param("id", LOCK_ID).query((rs, row) -> 1).list();
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Corrupt key in auth.signing_keys: " + ex.getMessage(), ex);
		}
	}

	static RSAKey configuredKey(AuthProperties.Keys keys) {
		if (keys == null || keys.privateKey() == null || keys.privateKey().isBlank()) {
			return null;
		}
		String pem = keys.privateKey().trim();
		if (!pem.contains("BEGIN PRIVATE KEY")) {
			throw new IllegalStateException("PF_JWT_PRIVATE_KEY must be an RSA private key in PKCS#8 PEM form "
					+ "('-----BEGIN PRIVATE KEY-----'); convert a PKCS#1 key with "
					+ "'openssl pkcs8 -topk8 -nocrypt -in key.pem'.");
		}
		try {
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			if (privateKey.getModulus().bitLength() < 2048) {
				throw new IllegalStateException("PF_JWT_PRIVATE_KEY has " + privateKey.getModulus().bitLength()
						+ " bits; use an RSA key of at least 2048 bits.");
			}
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey.Builder builder = new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256);
			if (keys.keyId() != null && !keys.keyId().isBlank()) {
				builder.keyID(keys.keyId());
			}
			else {
				builder.keyIDFromThumbprint();
			}
			return builder.build();
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"PF_JWT_PRIVATE_KEY is not a readable RSA PKCS#8 PEM key: " + ex.getMessage(), ex);
		}
	}

	private record Published(JWKSet keys, Instant loadedAt) {
	}

	/**
	 * Result of a rotation.
	 *
	 * @param kid the new active key id
	 * @param previousKid the retired key id, {@code null} if there was none
	 * @param previousPublishedUntil until when the retired key stays in the JWKS
	 */
	public record Rotation(String kid, String previousKid, Instant previousPublishedUntil) {
	}

}
