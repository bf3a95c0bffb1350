package io.physforge.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.BinaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two hashes of a stored audit event, both over its RFC 8785 canonical UTF-8 text
 * ({@link CanonicalJson}).
 * <ul>
 * <li>{@link #leafHash}: {@code SHA-256(0x00 || event)}, the RFC 9162 §2.1.1 Merkle leaf,
 * so anyone can recompute it;</li>
 * <li>{@link #link}: {@code HMAC-SHA256(key, prevHash || event)} (RFC 2104), with
 * {@code prevHash} the link of the event before ({@link #GENESIS}, 32 zero bytes, before
 * seq 1). Without the key nobody can compute a link, so write access to the database is
 * not enough to rewrite the chain; checking it needs the key, so only the service
 * does.</li>
 * </ul>
 * An instance holds the key; it is immutable and thread-safe.
 */
public final class EventHashes {

	/** The previous hash of the first event: 32 zero bytes. */
	public static final byte[] GENESIS = new byte[32];

	/** The smallest HMAC key accepted, in bytes. */
	public static final int MIN_KEY_BYTES = 32;

	private final SecretKeySpec key;

	/**
	 * @param key the HMAC key, at least {@value #MIN_KEY_BYTES} bytes
	 * @throws IllegalArgumentException when shorter
	 */
	public EventHashes(byte[] key) {
		if (key == null || key.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException("the audit HMAC key must have at least " + MIN_KEY_BYTES + " bytes, had "
					+ ((key != null) ? key.length : 0));
		}
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
	}

	/**
	 * @param canonicalEvent the canonical event text
	 * @return its UTF-8 bytes
	 */
	public static byte[] utf8(String canonicalEvent) {
		return canonicalEvent.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The RFC 9162 leaf hash of an event.
	 * @param canonicalEventUtf8 the canonical event in UTF-8
	 * @return {@code SHA-256(0x00 || event)}
	 */
	public static byte[] leafHash(byte[] canonicalEventUtf8) {
		return MerkleTree.leafHash(canonicalEventUtf8);
	}

	/**
	 * The keyed chain link of an event.
	 * @param prevHash the link of the event before, {@link #GENESIS} for the first
	 * @param canonicalEventUtf8 the canonical event in UTF-8
	 * @return {@code HMAC-SHA256(key, prevHash || event)}
	 */
	public byte[] link(byte[] prevHash, byte[] canonicalEventUtf8) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(prevHash);
			return mac.doFinal(canonicalEventUtf8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JDK", ex);
		}
	}

	/**
	 * A link function for one thread that reuses its {@link Mac}: faster than
	 * {@link #link} when checking a long chain.
	 * @return {@code (prevHash, canonicalEventUtf8) -> link}, not thread-safe
	 */
	public BinaryOperator<byte[]> linker() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return (prev, event) -> {
				mac.update(prev);
				return mac.doFinal(event);
			};
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JDK", ex);
		}
	}

	/**
	 * Compares two hashes in constant time.
	 * @param a a hash
	 * @param b another
	 * @return whether they are equal
	 */
	public static boolean same(byte[] a, byte[] b) {
		return a != null && b != null && MessageDigest.isEqual(a, b);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JDK", ex);
		}
	}

	static byte[] copy(byte[] hash) {
		return Arrays.copyOf(hash, hash.length);
	}

}
