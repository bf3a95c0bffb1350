package io.physforge.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A signed statement about the audit log at one moment: its first {@code treeSize} events
 * have the RFC 9162 Merkle root {@code rootHash} and end at the chain link
 * {@code lastChainHash}. Signed with Ed25519 (RFC 8032, the JDK's {@code "Ed25519"}) over
 * {@link #signedText()}, a fixed text of every other field, so changing any field (or the
 * signature) makes {@link #verify} fail. Times are UTC with millisecond precision.
 *
 * @param treeSize number of events covered (seq 1 to treeSize)
 * @param rootHash Merkle root over their leaf hashes
 * @param lastChainHash the chain link of event {@code treeSize} (32 zero bytes when 0)
 * @param time when it was made, truncated to milliseconds
 * @param keyId id of the signing key ({@link SigningKeys#keyId})
 * @param signature the 64-byte Ed25519 signature of {@link #signedText()}
 */
public record Checkpoint(long treeSize, byte[] rootHash, byte[] lastChainHash, Instant time, String keyId,
		byte[] signature) {

	/** First line of the signed text, naming its version. */
	public static final String FORMAT = "physforge-audit-checkpoint/v1";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * Makes and signs a checkpoint.
	 * @param treeSize events covered
	 * @param rootHash their Merkle root
	 * @param lastChainHash link of the last one
	 * @param time when (truncated to milliseconds)
	 * @param key the Ed25519 private key
	 * @param keyId its key id
	 * @return the signed checkpoint
	 */
	public static Checkpoint sign(long treeSize, byte[] rootHash, byte[] lastChainHash, Instant time, PrivateKey key,
			String keyId) {
		Checkpoint unsigned = new Checkpoint(treeSize, rootHash, lastChainHash, time.truncatedTo(ChronoUnit.MILLIS),
				keyId, new byte[0]);
		byte[] signature = signBytes(key, unsigned.signedText().getBytes(StandardCharsets.UTF_8));
		return new Checkpoint(treeSize, rootHash, lastChainHash, unsigned.time(), keyId, signature);
	}

	/**
	 * The text signed, one {@code name=value} per line after {@link #FORMAT}: tree_size,
	 * root_hash (hex), last_chain_hash (hex), time ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}),
	 * key_id; lines end with {@code \n}.
	 * @return the text
	 */
	public String signedText() {
		return FORMAT + "\ntree_size=" + this.treeSize + "\nroot_hash=" + Hex.of(this.rootHash) + "\nlast_chain_hash="
				+ Hex.of(this.lastChainHash) + "\ntime=" + formatTime(this.time) + "\nkey_id=" + this.keyId + "\n";
	}

	/**
	 * @param key the Ed25519 public key of {@link #keyId}
	 * @return whether the signature is valid for every field
	 */
	public boolean verify(PublicKey key) {
		return verifyBytes(key, signedText().getBytes(StandardCharsets.UTF_8), this.signature);
	}

	/**
	 * @param time an instant
	 * @return it as the signed text writes it
	 */
	public static String formatTime(Instant time) {
		return TIME.format(time);
	}

	static byte[] signBytes(PrivateKey key, byte[] data) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(key);
			signer.update(data);
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot sign with Ed25519: " + ex.getMessage(), ex);
		}
	}

	static boolean verifyBytes(PublicKey key, byte[] data, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
