package io.physforge.audit.api;

import java.time.Instant;
import java.util.Base64;

import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.Hex;

/**
 * A signed checkpoint as the API shows it.
 *
 * @param treeSize events covered, seq 1 to treeSize
 * @param rootHash hex RFC 9162 Merkle root over their leaf hashes
 * @param lastChainHash hex link of seq treeSize
 * @param time when it was signed
 * @param keyId the signing key's id
 * @param signature base64 Ed25519 signature of the checkpoint's signed text
 */
public record CheckpointView(long treeSize, String rootHash, String lastChainHash, Instant time, String keyId,
		String signature) {

	static CheckpointView of(Checkpoint checkpoint) {
		return new CheckpointView(checkpoint.treeSize(), Hex.of(checkpoint.rootHash()),
				Hex.of(checkpoint.lastChainHash()), checkpoint.time(), checkpoint.keyId(),
				Base64.getEncoder().encodeToString(checkpoint.signature()));
	}

}
