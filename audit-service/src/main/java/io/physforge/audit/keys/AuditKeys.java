package io.physforge.audit.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

import io.physforge.audit.AuditLogProperties;
import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the audit log: the HMAC-SHA256 key of the chain ({@link EventHashes}) and
 * the Ed25519 (RFC 8032) key pair that signs checkpoints.
 * <p>
 * Each comes from its setting ({@code PF_AUDIT_HMAC_KEY}, {@code PF_AUDIT_SIGNING_KEY},
 * both base64); when a setting is empty, the key is read from the key directory
 * ({@code hmac.key}, {@code signing.key}), or generated there once (files mode 600) with
 * a warning that production must configure it. A lost HMAC key makes the chain
 * uncheckable; a lost signing key only stops new checkpoints under the old key id.
 */
public final class AuditKeys {

	private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

	private final EventHashes hashes;

	private final PrivateKey signingKey;

	private final PublicKey publicKey;

	private final String keyId;

	private AuditKeys(byte[] hmacKey, PrivateKey signingKey) {
		this.hashes = new EventHashes(hmacKey);
		this.signingKey = signingKey;
		this.publicKey = SigningKeys.publicKeyOf(signingKey);
		this.keyId = SigningKeys.keyId(this.publicKey);
	}

	/**
	 * Loads or generates the keys.
	 * @param properties the settings
	 * @return the keys
	 * @throws IllegalArgumentException when a configured key is malformed or too short
	 */
	public static AuditKeys load(AuditLogProperties properties) {
		byte[] hmac = configured(properties.hmacKey(), "PF_AUDIT_HMAC_KEY");
		if (hmac == null) {
			hmac = fromDir(properties.keyDir().resolve("hmac.key"), () -> {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				return key;
			});
		}
		byte[] pkcs8 = configured(properties.signingKey(), "PF_AUDIT_SIGNING_KEY");
		if (pkcs8 == null) {
			pkcs8 = fromDir(properties.keyDir().resolve("signing.key"),
					() -> SigningKeys.generate().getPrivate().getEncoded());
		}
		return new AuditKeys(hmac, SigningKeys.privateKey(pkcs8));
	}

	/**
	 * Keys given directly (tools and tests that build a log without a service).
	 * @param hmacKey the HMAC key
	 * @param signing the Ed25519 key pair
	 * @return the keys
	 */
	public static AuditKeys of(byte[] hmacKey, KeyPair signing) {
		return new AuditKeys(hmacKey, signing.getPrivate());
	}

	private static byte[] configured(String base64, String name) {
		if (base64 == null || base64.isBlank()) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " is not base64: " + ex.getMessage(), ex);
		}
	}

	private static byte[] fromDir(Path file, Supplier<byte[]> generator) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				byte[] key = generator.get();
				try {
					Files.createFile(file,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
					log.warn("Generated the audit key {}: configure PF_AUDIT_HMAC_KEY and PF_AUDIT_SIGNING_KEY in "
							+ "production (a key kept next to the service is only as safe as its disk)", file);
				}
				catch (FileAlreadyExistsException ex) {
					// generated at the same moment by another instance: use theirs
				}
			}
			return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the audit key " + file, ex);
		}
	}

	/**
	 * @return the chain hashing with the HMAC key
	 */
	public EventHashes hashes() {
		return this.hashes;
	}

	/**
	 * @return the checkpoint signing key
	 */
	public PrivateKey signingKey() {
		return this.signingKey;
	}

	/**
	 * @return its public key
	 */
	public PublicKey publicKey() {
		return this.publicKey;
	}

	/**
	 * @return the public key's id
	 */
	public String keyId() {
		return this.keyId;
	}

}
