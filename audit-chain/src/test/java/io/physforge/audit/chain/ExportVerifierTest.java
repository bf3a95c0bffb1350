package io.physforge.audit.chain;

import java.io.StringReader;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export of seq 11 to 40 of a 60-event log, checked with only the public key; every
 * kind of edit to the file is found.
 */
class ExportVerifierTest {

	private final KeyPair keys = SigningKeys.generate();

	private final EventHashes hashes = new EventHashes(new byte[32]);

	private final List<String> events = new ArrayList<>();

	private final List<byte[]> leaves = new ArrayList<>();

	private final List<byte[]> links = new ArrayList<>();

	private Checkpoint checkpoint;

	@BeforeEach
	void log() {
		byte[] prev = EventHashes.GENESIS;
		for (int seq = 1; seq <= 60; seq++) {
			String event = CanonicalJson.canonicalize("{\"eventId\":\"" + UUID.randomUUID()
					+ "\",\"action\":\"dataset.upload\",\"actor\":\"u" + seq + "\",\"actorRoles\":[]}");
			this.events.add(event);
			this.leaves.add(EventHashes.leafHash(EventHashes.utf8(event)));
			prev = this.hashes.link(prev, EventHashes.utf8(event));
			this.links.add(prev);
		}
		this.checkpoint = Checkpoint.sign(60, MerkleTree.root(this.leaves), prev, Instant.now(), this.keys.getPrivate(),
				SigningKeys.keyId(this.keys.getPublic()));
	}

	private List<String> export(long firstSeq, long lastSeq) {
		List<String> lines = new ArrayList<>();
		lines.add(ExportFormat.header(firstSeq, lastSeq));
		for (long seq = firstSeq; seq <= lastSeq; seq++) {
			int i = (int) seq - 1;
			lines.add(ExportFormat.event(seq, this.events.get(i), this.leaves.get(i),
					(i == 0) ? EventHashes.GENESIS : this.links.get(i - 1), this.links.get(i)));
		}
		List<byte[]> proof = MerkleTree.rangeProof(firstSeq - 1, lastSeq, 60,
				(from, to, sink) -> this.leaves.subList((int) from, (int) to).forEach(sink));
		lines.add(ExportFormat.checkpoint(this.checkpoint, firstSeq - 1, lastSeq, proof));
		return lines;
	}

	private VerifyResult verify(List<String> lines) {
		return new ExportVerifier(this.keys.getPublic()).verify(new StringReader(String.join("\n", lines) + "\n"));
	}

	@Test
	void anUntouchedExportVerifies() {
		assertThat(verify(export(11, 40))).isEqualTo(VerifyResult.ok(30));
		assertThat(verify(export(1, 60))).isEqualTo(VerifyResult.ok(60));
	}

	@Test
	void findsEveryEdit() {
		List<String> edited = export(11, 40);
		edited.set(5, edited.get(5).replace("dataset.upload", "dataset.delete"));
		assertThat(verify(edited)).satisfies((r) -> {
			assertThat(r.valid()).isFalse();
			assertThat(r.firstBadSeq()).isEqualTo(15);
			assertThat(r.reason()).contains("does not hash to its leafHash");
		});

		List<String> rehashed = export(11, 40);
		String event = this.events.get(14).replace("dataset.upload", "dataset.delete");
		rehashed.set(5, ExportFormat.event(15, event, EventHashes.leafHash(EventHashes.utf8(event)), this.links.get(13),
				this.links.get(14)));
		assertThat(verify(rehashed).reason()).contains("Merkle root");

		List<String> deleted = export(11, 40);
		deleted.remove(7);
		assertThat(verify(deleted).firstBadSeq()).isEqualTo(17);

		List<String> swapped = export(11, 40);
		String line = swapped.get(3);
		swapped.set(3, swapped.get(4));
		swapped.set(4, line);
		assertThat(verify(swapped).firstBadSeq()).isEqualTo(13);

		List<String> forged = export(11, 40);
		int last = forged.size() - 1;
		forged.set(last, forged.get(last).replace("\"treeSize\":60", "\"treeSize\":61"));
		assertThat(verify(forged).reason()).contains("signature does not verify");

		assertThat(new ExportVerifier(SigningKeys.generate().getPublic())
			.verify(new StringReader(String.join("\n", export(11, 40))))
			.reason()).contains("not by the key given");

		List<String> noCheckpoint = export(11, 40);
		noCheckpoint.remove(noCheckpoint.size() - 1);
		assertThat(verify(noCheckpoint).reason()).contains("no checkpoint");
	}

}
