package io.physforge.audit.bench;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.MerkleFrontier;
import io.physforge.audit.chain.MerkleTree;
import io.physforge.audit.chain.SigningKeys;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.audit.log.AuditEvent;
import io.physforge.audit.log.AuditIngest;
import io.physforge.audit.log.EventFormat;
import io.physforge.audit.log.EventLogRows;
import io.physforge.audit.support.AuditSchema;
import io.physforge.audit.support.Events;
import io.physforge.audit.verify.ChainVerifier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The audit benchmarks on the real database, in a fresh schema dropped at the
 * end: (1) append throughput of {@link AuditIngest#ingest} in batches of 500 (target >=
 * 1,000 events/s); (2) the log filled to {@code total} events (default 1,000,000; rows
 * past the appended ones written with COPY, with the same hashes) and
 * {@link ChainVerifier} over all of it: time and peak heap (target < 30 s under
 * -Xmx256m); (3) an inclusion proof in the full tree: generation time, size (<= 21
 * hashes) and verification time (target < 1 ms). Run:
 * {@code java -Xmx256m -cp <test classpath> io.physforge.audit.bench.AuditLogBench
 * [total] [appended]}.
 */
public final class AuditLogBench {

	private AuditLogBench() {
	}

	public static void main(String[] args) throws Exception {
		long total = (args.length > 0) ? Long.parseLong(args[0]) : 1_000_000;
		int appended = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		byte[] hmac = new byte[32];
		new Random(7).nextBytes(hmac);
		KeyPair signing = SigningKeys.generate();
		AuditKeys keys = AuditKeys.of(hmac, signing);
		EventLogRows rows = new EventLogRows(2000);
		try (AuditSchema schema = AuditSchema.create().migrate()) {
			AuditIngest ingest = new AuditIngest(schema.writer(), rows, keys, 100_000, Clock.systemUTC());
			ingest.start();
			ingest.ingest(Events.batch(500, "warm-up"));
			long t0 = System.nanoTime();
			for (int done = 0; done < appended; done += 500) {
				ingest.ingest(Events.batch(500, UUID.randomUUID().toString()));
			}
			double appendSeconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf(Locale.ROOT, "append: %d events in batches of 500 in %.2f s = %.0f events/s%n", appended,
					appendSeconds, appended / appendSeconds);

			long t1 = System.nanoTime();
			fill(schema, rows, keys, total);
			System.out.printf(Locale.ROOT, "fill to %d events with COPY (not a measured path): %.1f s%n", total,
					(System.nanoTime() - t1) / 1e9);

			ChainVerifier verifier = new ChainVerifier(rows, keys.hashes(), 2000);
			for (int run = 1; run <= 2; run++) {
				System.gc();
				resetPeaks();
				long t2 = System.nanoTime();
				VerifyResult result;
				try (Connection connection = schema.writer().getConnection()) {
					result = verifier.verify(connection);
				}
				double verifySeconds = (System.nanoTime() - t2) / 1e9;
				System.out.printf(Locale.ROOT,
						"verify run %d: %s in %.1f s (%.0f events/s), peak heap %.0f MiB of max %.0f MiB%n", run,
						result, verifySeconds, result.checked() / verifySeconds, peakHeap() / 1048576.0,
						Runtime.getRuntime().maxMemory() / 1048576.0);
			}

			try (Connection connection = schema.writer().getConnection()) {
				connection.setAutoCommit(false);
				Checkpoint checkpoint = rows.latestCheckpoint(connection).orElseThrow();
				long size = checkpoint.treeSize();
				long index = size / 3 + 12_345;
				long t3 = System.nanoTime();
				List<byte[]> proof = MerkleTree.inclusionProof(index, size, rows.leafSource(connection));
				double generate = (System.nanoTime() - t3) / 1e6;
				byte[][] leaf = new byte[1][];
				rows.leaves(connection, index, index + 1, (hash) -> leaf[0] = hash);
				int runs = 10_000;
				boolean ok = true;
				for (int i = 0; i < 1000; i++) {
					ok &= MerkleTree.verifyInclusion(index, size, leaf[0], proof, checkpoint.rootHash());
				}
				long t4 = System.nanoTime();
				for (int i = 0; i < runs; i++) {
					ok &= MerkleTree.verifyInclusion(index, size, leaf[0], proof, checkpoint.rootHash());
				}
				double verifyMicros = (System.nanoTime() - t4) / 1e3 / runs;
				System.out.printf(Locale.ROOT,
						"inclusion proof: leaf %d of %d, %d hashes, generated in %.0f ms (streams every other leaf "
								+ "from the database), verified %s in %.1f us each (mean of %d)%n",
						index, size, proof.size(), generate, ok ? "ok" : "FAILED", verifyMicros, runs);
				connection.rollback();
			}
		}
	}

	/** Appends events up to {@code total} with COPY, continuing the chain and tree. */
	private static void fill(AuditSchema schema, EventLogRows rows, AuditKeys keys, long total) throws Exception {
		try (Connection connection = schema.superuser()) {
			connection.setAutoCommit(false);
			EventLogRows.Head head = rows.head(connection);
			MerkleFrontier tree = new MerkleFrontier();
			rows.leaves(connection, 0, head.seq(), tree::append);
			byte[] prev = head.hash();
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			String template = Events.json(UUID.randomUUID(), "bench", "dataset.upload");
			String actor = UUID.randomUUID().toString();
			StringBuilder chunk = new StringBuilder(1 << 22);
			for (long seq = head.seq() + 1; seq <= total; seq++) {
				UUID id = UUID.randomUUID();
				AuditEvent event = EventFormat
					.parse(template.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + id + "\"")
						.replace("\"bench\"", "\"" + actor + "\""));
				byte[] utf8 = EventHashes.utf8(event.canonical());
				byte[] leaf = EventHashes.leafHash(utf8);
				byte[] hash = keys.hashes().link(prev, utf8);
				chunk.append(seq)
					.append('\t')
					.append(id)
					.append('\t')
					.append(event.occurredAt())
					.append('\t')
					.append(event.service())
					.append('\t')
					.append(event.actor())
					.append("\t{RESEARCHER}\t")
					.append(event.action())
					.append('\t')
					.append(event.resourceType())
					.append('\t')
					.append(event.resourceId())
					.append('\t')
					.append(event.outcome())
					.append('\t')
					.append(event.canonical().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"))
					.append("\t\\\\x")
					.append(io.physforge.audit.chain.Hex.of(leaf))
					.append("\t\\\\x")
					.append(io.physforge.audit.chain.Hex.of(prev))
					.append("\t\\\\x")
					.append(io.physforge.audit.chain.Hex.of(hash))
					.append('\n');
				tree.append(leaf);
				prev = hash;
				if (seq % 20_000 == 0 || seq == total) {
					copy.copyIn("COPY event_log (seq, event_id, occurred_at, service, actor, actor_roles, action, "
							+ "resource_type, resource_id, outcome, event, leaf_hash, prev_hash, hash) FROM STDIN",
							new StringReader(chunk.toString()));
					chunk.setLength(0);
				}
			}
			Checkpoint checkpoint = Checkpoint.sign(tree.size(), tree.root(), prev, Instant.now(), keys.signingKey(),
					keys.keyId());
			rows.appendCheckpoint(connection, checkpoint);
			connection.commit();
			connection.setAutoCommit(true);
			// what autovacuum does to a table after a bulk load (hint bits, visibility
			// map)
			try (PreparedStatement vacuum = connection.prepareStatement("VACUUM (ANALYZE) event_log")) {
				vacuum.execute();
			}
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
