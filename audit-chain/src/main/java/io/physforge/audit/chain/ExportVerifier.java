package io.physforge.audit.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks an audit export ({@link ExportFormat}) offline, with only the log's Ed25519
 * public key (RFC 8032).
 * <p>
 * What it proves: each event's {@code leafHash} is {@code SHA-256(0x00 || event)} over
 * its RFC 8785 canonical form (so the text was not edited), seqs are contiguous from the
 * header's first to its last, event ids are unique, each {@code prevHash} equals the
 * previous line's {@code hash}, every checkpoint's signature verifies with the key, and
 * the RFC 9162 Merkle root recomputed from the exported leaves and the range proof equals
 * the signed root (so no event was added, removed, reordered or altered after it was
 * signed, even with every hash in the file rewritten consistently). When a checkpoint's
 * tree ends at the export's last event, its signed last chain link must equal that
 * event's {@code hash}.
 * <p>
 * What it cannot prove: the keyed chain links ({@code hash}) are HMAC-SHA256 with a
 * secret key ({@link EventHashes}), so only audit-service (which holds the key) can check
 * them; offline, their continuity is checked, not their values.
 */
public final class ExportVerifier {

	private final PublicKey publicKey;

	/**
	 * @param publicKey the log's Ed25519 public key
	 */
	public ExportVerifier(PublicKey publicKey) {
		this.publicKey = publicKey;
	}

	/**
	 * Checks an export.
	 * @param export the file's text
	 * @return valid, or the first bad seq and why
	 * @throws UncheckedIOException when reading fails
	 */
	public VerifyResult verify(Reader export) {
		try {
			return check(new BufferedReader(export));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private VerifyResult check(BufferedReader reader) throws IOException {
		String first = reader.readLine();
		if (first == null) {
			return VerifyResult.bad(0, null, "empty export: no header line");
		}
		JsonNode header;
		try {
			header = CanonicalJson.parse(first);
		}
		catch (IllegalArgumentException ex) {
			return VerifyResult.bad(0, null, "line 1 is not the header: " + ex.getMessage());
		}
		if (!ExportFormat.FORMAT.equals(header.path("format").asText())) {
			return VerifyResult.bad(0, null, "line 1 is not a " + ExportFormat.FORMAT + " header");
		}
		long firstSeq = header.path("firstSeq").asLong(-1);
		long lastSeq = header.path("lastSeq").asLong(-1);
		if (firstSeq < 1 || lastSeq < firstSeq) {
			return VerifyResult.bad(0, null, "header has no valid firstSeq/lastSeq range");
		}
		List<byte[]> leaves = new ArrayList<>();
		Set<String> eventIds = new HashSet<>();
		byte[] prevLink = null;
		long expected = firstSeq;
		int checkpoints = 0;
		String line;
		int lineNo = 1;
		while ((line = reader.readLine()) != null) {
			lineNo++;
			if (line.isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = CanonicalJson.parse(line);
			}
			catch (IllegalArgumentException ex) {
				return VerifyResult.bad(leaves.size(), expected, "line " + lineNo + ": " + ex.getMessage());
			}
			if (node.has("checkpoint")) {
				VerifyResult bad = checkCheckpoint(node, firstSeq, lastSeq, leaves, prevLink, lineNo);
				if (bad != null) {
					return bad;
				}
				checkpoints++;
				continue;
			}
			if (checkpoints > 0) {
				return VerifyResult.bad(leaves.size(), expected,
						"line " + lineNo + ": an event after the checkpoint lines");
			}
			long seq = node.path("seq").asLong(-1);
			if (seq != expected) {
				return VerifyResult.bad(leaves.size(), expected,
						"seq " + expected + " expected at line " + lineNo + ", found " + node.path("seq"));
			}
			if (seq > lastSeq) {
				return VerifyResult.bad(leaves.size(), seq, "seq " + seq + " is beyond the header's lastSeq");
			}
			try {
				JsonNode event = node.get("event");
				if (event == null || !event.isObject()) {
					return VerifyResult.bad(leaves.size(), seq, "seq " + seq + " has no event object");
				}
				String eventId = event.path("eventId").asText(null);
				if (eventId == null || !eventIds.add(eventId)) {
					return VerifyResult.bad(leaves.size(), seq,
							"seq " + seq + ": event id " + eventId + " is missing or appears twice");
				}
				byte[] leaf = EventHashes.leafHash(EventHashes.utf8(CanonicalJson.serialize(event)));
				if (!EventHashes.same(leaf, Hex.hash(node.path("leafHash").asText(null), "leafHash"))) {
					return VerifyResult.bad(leaves.size(), seq,
							"seq " + seq + ": the event does not hash to its leafHash (edited)");
				}
				byte[] prev = Hex.hash(node.path("prevHash").asText(null), "prevHash");
				if (prevLink != null && !EventHashes.same(prev, prevLink)) {
					return VerifyResult.bad(leaves.size(), seq,
							"seq " + seq + ": prevHash is not the hash of seq " + (seq - 1));
				}
				prevLink = Hex.hash(node.path("hash").asText(null), "hash");
				leaves.add(leaf);
			}
			catch (IllegalArgumentException ex) {
				return VerifyResult.bad(leaves.size(), seq, "seq " + seq + ": " + ex.getMessage());
			}
			expected++;
		}
		if (expected != lastSeq + 1) {
			return VerifyResult.bad(leaves.size(), expected,
					"the export ends before seq " + lastSeq + " (its header's lastSeq)");
		}
		if (checkpoints == 0) {
			return VerifyResult.bad(leaves.size(), null, "no checkpoint line covers the export");
		}
		return VerifyResult.ok(leaves.size());
	}

	private VerifyResult checkCheckpoint(JsonNode node, long firstSeq, long lastSeq, List<byte[]> leaves,
			byte[] lastLink, int lineNo) {
		long checked = leaves.size();
		if (checked != lastSeq - firstSeq + 1) {
			return VerifyResult.bad(checked, firstSeq + checked,
					"line " + lineNo + ": checkpoint before all events of the header's range");
		}
		try {
			JsonNode c = node.get("checkpoint");
			Checkpoint checkpoint = new Checkpoint(c.path("treeSize").asLong(-1),
					Hex.hash(c.path("rootHash").asText(null), "rootHash"),
					Hex.hash(c.path("lastChainHash").asText(null), "lastChainHash"),
					Instant.parse(c.path("time").asText()), c.path("keyId").asText(),
					Base64.getDecoder().decode(c.path("signature").asText()));
			String where = "checkpoint at tree size " + checkpoint.treeSize() + " (line " + lineNo + ")";
			if (!SigningKeys.keyId(this.publicKey).equals(checkpoint.keyId())) {
				return VerifyResult.bad(checked, null,
						where + " is signed by key " + checkpoint.keyId() + ", not by the key given");
			}
			if (!checkpoint.verify(this.publicKey)) {
				return VerifyResult.bad(checked, null, where + ": the signature does not verify (edited)");
			}
			if (checkpoint.treeSize() < lastSeq) {
				return VerifyResult.bad(checked, checkpoint.treeSize() + 1, where + " does not cover seq " + lastSeq);
			}
			JsonNode range = node.get("rangeProof");
			if (range == null || range.path("from").asLong(-1) != firstSeq - 1
					|| range.path("to").asLong(-1) != lastSeq) {
				return VerifyResult.bad(checked, null,
						where + ": its range proof is not for leaves [" + (firstSeq - 1) + ", " + lastSeq + ")");
			}
			List<byte[]> proof = new ArrayList<>();
			for (JsonNode hash : range.path("hashes")) {
				proof.add(Hex.hash(hash.asText(null), "range proof hash"));
			}
			byte[] root = MerkleTree.rootFromRange(firstSeq - 1, lastSeq, checkpoint.treeSize(), leaves, proof);
			if (!EventHashes.same(root, checkpoint.rootHash())) {
				return VerifyResult.bad(checked, null,
						where + ": the Merkle root of the exported events and the range proof is not the signed root");
			}
			if (checkpoint.treeSize() == lastSeq && !EventHashes.same(lastLink, checkpoint.lastChainHash())) {
				return VerifyResult.bad(checked, lastSeq,
						where + ": seq " + lastSeq + "'s hash is not the signed last chain hash");
			}
			return null;
		}
		catch (RuntimeException ex) {
			return VerifyResult.bad(checked, null, "line " + lineNo + ": unreadable checkpoint: " + ex.getMessage());
		}
	}

}
