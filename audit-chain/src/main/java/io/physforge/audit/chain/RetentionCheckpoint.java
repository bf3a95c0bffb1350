package io.physforge.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A signed summary of events removed by retention: events {@code fromSeq..toSeq}, how
 * many, how many per action, the chain link of {@code toSeq} and the RFC 9162 Merkle
 * frontier of the tree of size {@code toSeq} (the roots of its perfect subtrees, largest
 * first), signed with Ed25519 (RFC 8032) over {@link #signedText()}. With it the chain
 * continues at {@code toSeq + 1} from {@code lastChainHash} and the Merkle tree from the
 * frontier, so later checkpoints and proofs stay checkable after the rows are gone.
 *
 * @param fromSeq first seq this summary removed
 * @param toSeq last seq it removed (every seq up to it is summarised)
 * @param eventCount number of events removed, {@code toSeq - fromSeq + 1}
 * @param actionCounts RFC 8785 canonical JSON object of counts per action
 * @param lastChainHash the link of {@code toSeq}
 * @param frontier the Merkle frontier at tree size {@code toSeq}
 * @param time when it was made, truncated to milliseconds
 * @param keyId the signing key's id
 * @param signature the Ed25519 signature of {@link #signedText()}
 */
public record RetentionCheckpoint(long fromSeq, long toSeq, long eventCount, String actionCounts, byte[] lastChainHash,
		List<byte[]> frontier, Instant time, String keyId, byte[] signature) {

	/** First line of the signed text. */
	public static final String FORMAT = "physforge-audit-retention/v1";

	/**
	 * Makes and signs a retention checkpoint.
	 * @param fromSeq first seq removed
	 * @param toSeq last seq removed
	 * @param actionCounts canonical JSON counts per action
	 * @param lastChainHash link of {@code toSeq}
	 * @param frontier Merkle frontier at {@code toSeq}
	 * @param time when
	 * @param key the Ed25519 private key
	 * @param keyId its id
	 * @return the signed summary
	 */
	public static RetentionCheckpoint sign(long fromSeq, long toSeq, String actionCounts, byte[] lastChainHash,
			List<byte[]> frontier, Instant time, PrivateKey key, String keyId) {
		RetentionCheckpoint unsigned = new RetentionCheckpoint(fromSeq, toSeq, toSeq - fromSeq + 1, actionCounts,
				lastChainHash, List.copyOf(frontier), time.truncatedTo(ChronoUnit.MILLIS), keyId, new byte[0]);
		byte[] signature = Checkpoint.signBytes(key, unsigned.signedText().getBytes(StandardCharsets.UTF_8));
		return new RetentionCheckpoint(fromSeq, toSeq, unsigned.eventCount(), actionCounts, lastChainHash,
				unsigned.frontier(), unsigned.time(), keyId, signature);
	}

	/**
	 * @return the signed text: {@link #FORMAT}, then {@code name=value} lines for
	 * from_seq, to_seq, event_count, action_counts, last_chain_hash, frontier
	 * (comma-separated hex), time and key_id, each ending with {@code \n}
	 */
	public String signedText() {
		return FORMAT + "\nfrom_seq=" + this.fromSeq + "\nto_seq=" + this.toSeq + "\nevent_count=" + this.eventCount
				+ "\naction_counts=" + this.actionCounts + "\nlast_chain_hash=" + Hex.of(this.lastChainHash)
				+ "\nfrontier=" + this.frontier.stream().map(Hex::of).collect(Collectors.joining(",")) + "\ntime="
				+ Checkpoint.formatTime(this.time) + "\nkey_id=" + this.keyId + "\n";
	}

	/**
	 * @param key the public key of {@link #keyId}
	 * @return whether the signature is valid for every field and the frontier fits
	 * {@code toSeq}
	 */
	public boolean verify(PublicKey key) {
		return this.frontier.size() == Long.bitCount(this.toSeq) && this.eventCount == this.toSeq - this.fromSeq + 1
				&& Checkpoint.verifyBytes(key, signedText().getBytes(StandardCharsets.UTF_8), this.signature);
	}

	/**
	 * @return the Merkle tree of size {@code toSeq} restored from the frontier
	 */
	public MerkleFrontier tree() {
		return MerkleFrontier.of(this.toSeq, this.frontier);
	}

}
