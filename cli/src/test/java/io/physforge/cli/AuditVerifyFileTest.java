package io.physforge.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.physforge.audit.chain.CanonicalJson;
import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.ExportFormat;
import io.physforge.audit.chain.MerkleTree;
import io.physforge.audit.chain.SigningKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code physforge audit verify-file}: an export written in audit-service's format checks
 * out offline with the log's public key (exit 0), an edited one or one checked against
 * another key does not (exit 3, the first bad seq named), and a bad key file is a
 * one-line error (exit 1). The whole-suite run ({@code AuditIT}) checks a real export.
 */
class AuditVerifyFileTest {

	private static final int EVENTS = 40;

	private final KeyPair keys = SigningKeys.generate();

	@TempDir
	Path directory;

	private Path export;

	private Path publicKey;

	@BeforeEach
	void writeExport() throws Exception {
		EventHashes hashes = new EventHashes(new byte[32]);
		List<String> events = new ArrayList<>();
		List<byte[]> leaves = new ArrayList<>();
		List<byte[]> links = new ArrayList<>();
		byte[] prev = EventHashes.GENESIS;
		for (int seq = 1; seq <= EVENTS; seq++) {
			String event = CanonicalJson.canonicalize("{\"eventId\":\"" + UUID.randomUUID()
					+ "\",\"action\":\"auth.login\",\"actor\":\"user-" + seq + "\",\"actorRoles\":[\"RESEARCHER\"],"
					+ "\"outcome\":\"success\",\"resourceType\":\"user\"}");
			events.add(event);
			leaves.add(EventHashes.leafHash(EventHashes.utf8(event)));
			prev = hashes.link(prev, EventHashes.utf8(event));
			links.add(prev);
		}
		Checkpoint checkpoint = Checkpoint.sign(EVENTS, MerkleTree.root(leaves), prev, Instant.now(),
				this.keys.getPrivate(), SigningKeys.keyId(this.keys.getPublic()));
		long first = 5;
		long last = 30;
		List<String> lines = new ArrayList<>();
		lines.add(ExportFormat.header(first, last));
		for (long seq = first; seq <= last; seq++) {
			int i = (int) seq - 1;
			lines.add(ExportFormat.event(seq, events.get(i), leaves.get(i),
					(i == 0) ? EventHashes.GENESIS : links.get(i - 1), links.get(i)));
		}
		List<byte[]> proof = MerkleTree.rangeProof(first - 1, last, EVENTS,
				(from, to, sink) -> leaves.subList((int) from, (int) to).forEach(sink));
		lines.add(ExportFormat.checkpoint(checkpoint, first - 1, last, proof));
		this.export = this.directory.resolve("audit.jsonl");
		Files.write(this.export, lines, StandardCharsets.UTF_8);
		this.publicKey = this.directory.resolve("audit.pub");
		Files.writeString(this.publicKey, SigningKeys.pem(this.keys.getPublic()), StandardCharsets.US_ASCII);
	}

	@Test
	void anUntouchedExportVerifiesOffline() {
		CliRun run = CliRun.of("audit", "verify-file", this.export.toString(), "--public-key",
				this.publicKey.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("valid: 26 event(s)");
	}

	@Test
	void anEditedEventIsFoundAtItsSeq() throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(this.export, StandardCharsets.UTF_8));
		int line = 1 + (12 - 5); // seq 12
		assertThat(lines.get(line)).contains("user-12");
		lines.set(line, lines.get(line).replace("user-12", "user-99"));
		Files.write(this.export, lines, StandardCharsets.UTF_8);
		CliRun run = CliRun.of("audit", "verify-file", this.export.toString(), "--public-key",
				this.publicKey.toString(), "--json");
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.out()).contains("\"valid\" : false").contains("\"firstBadSeq\" : 12");
	}

	@Test
	void anotherKeyDoesNotVerifyTheCheckpoint() throws Exception {
		Files.writeString(this.publicKey, SigningKeys.pem(SigningKeys.generate().getPublic()));
		CliRun run = CliRun.of("audit", "verify-file", this.export.toString(), "--public-key",
				this.publicKey.toString());
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.out()).startsWith("INVALID");
	}

	@Test
	void aBadKeyIsAOneLineError() {
		CliRun run = CliRun.of("audit", "verify-file", this.export.toString(), "--public-key", "not-a-key");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("--public-key not-a-key").contains("/api/audit/public-key");
		assertThat(run.err().strip()).doesNotContain("\n");
	}

}
