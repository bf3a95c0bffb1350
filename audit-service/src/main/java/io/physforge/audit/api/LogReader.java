package io.physforge.audit.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.physforge.audit.AuditLogProperties;
import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.ExportFormat;
import io.physforge.audit.chain.Hex;
import io.physforge.audit.chain.MerkleTree;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.audit.log.EventLogRows;
import io.physforge.audit.verify.ChainVerifier;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.web.Paging;

import org.springframework.stereotype.Component;

/**
 * The reads that need one consistent snapshot of the log (a REPEATABLE READ, read-only
 * transaction): inclusion proofs, verify, checkpoints and export.
 */
@Component
class LogReader {

	private final DataSource dataSource;

	private final EventLogRows rows;

	private final ChainVerifier verifier;

	private final int fetchSize;

	LogReader(DataSource dataSource, EventLogRows rows, AuditKeys keys, AuditLogProperties properties) {
		this.dataSource = dataSource;
		this.rows = rows;
		this.fetchSize = properties.fetchSize();
		this.verifier = new ChainVerifier(rows, keys.hashes(), properties.fetchSize());
	}

	/**
	 * The inclusion proof of a seq.
	 *
	 * @param checkpoint the latest checkpoint, or {@code null}
	 * @param hashes the audit path (hex, bottom-up), or {@code null}
	 * @param unavailable why there is no proof, or {@code null}
	 */
	record Proof(CheckpointView checkpoint, List<String> hashes, String unavailable) {

	}

	Proof inclusionProof(long seq) {
		return snapshot((connection) -> {
			Optional<Checkpoint> latest = this.rows.latestCheckpoint(connection);
			if (latest.isEmpty() || latest.get().treeSize() < seq) {
				return new Proof(latest.map(CheckpointView::of).orElse(null), null,
						"No checkpoint covers seq " + seq + " yet (the latest covers "
								+ latest.map((c) -> "seq 1 to " + c.treeSize()).orElse("nothing")
								+ "); checkpoints are written every physforge.audit.checkpoint-every events "
								+ "or checkpoint-interval, whichever comes first.");
			}
			long size = latest.get().treeSize();
			List<String> path = MerkleTree.inclusionProof(seq - 1, size, this.rows.subtrees(connection))
				.stream()
				.map(Hex::of)
				.toList();
			return new Proof(CheckpointView.of(latest.get()), path, null);
		});
	}

	VerifyResult verify() {
		return snapshot(this.verifier::verify);
	}

	Page<CheckpointView> checkpoints(Paging paging) {
		return snapshot((connection) -> {
			List<CheckpointView> items = this.rows.checkpoints(connection, paging.size(), paging.offset())
				.stream()
				.map(CheckpointView::of)
				.toList();
			return Page.of(items, paging, this.rows.countCheckpoints(connection));
		});
	}

	/**
	 * Checks an export's range against the latest checkpoint and retention before
	 * streaming starts.
	 * @return the first and last seq of the export
	 */
	long[] exportRange(Long from, Long to) {
		long latest = snapshot((connection) -> this.rows.latestCheckpoint(connection).map(Checkpoint::treeSize))
			.orElse(0L);
		long removed = snapshot((connection) -> this.rows.latestRetention(connection).map((r) -> r.toSeq())).orElse(0L);
		long first = (from != null) ? from : removed + 1;
		if (first <= removed) {
			throw ProblemException.badRequest("removed-by-retention", "Events up to seq " + removed
					+ " were summarised and removed by retention; export from seq " + (removed + 1) + " on.");
		}
		long last = (to != null) ? to : latest;
		if (latest == 0) {
			throw ProblemException.conflict("no-checkpoint",
					"No checkpoint has been written yet, so nothing can be exported with a proof; try again later.");
		}
		if (first < 1 || last < first || last > latest) {
			throw ProblemException.badRequest("invalid-export-range", "from and to must satisfy 1 <= from <= to <= "
					+ latest + " (the latest checkpoint's tree size), were from=" + from + " to=" + to);
		}
		return new long[] { first, last };
	}

	void export(long first, long last, OutputStream out) {
		snapshot((connection) -> {
			Checkpoint checkpoint = this.rows.latestCheckpoint(connection).orElseThrow();
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			try {
				writer.write(ExportFormat.header(first, last) + "\n");
				try (PreparedStatement statement = connection.prepareStatement("SELECT seq, event, leaf_hash, "
						+ "prev_hash, hash FROM event_log WHERE seq >= ? AND seq <= ? ORDER BY seq")) {
					statement.setFetchSize(this.fetchSize);
					statement.setLong(1, first);
					statement.setLong(2, last);
					try (ResultSet rs = statement.executeQuery()) {
						while (rs.next()) {
							writer.write(ExportFormat.event(rs.getLong(1), rs.getString(2), rs.getBytes(3),
									rs.getBytes(4), rs.getBytes(5)) + "\n");
						}
					}
				}
				List<byte[]> proof = MerkleTree.rangeProof(first - 1, last, checkpoint.treeSize(),
						this.rows.subtrees(connection));
				writer.write(ExportFormat.checkpoint(checkpoint, first - 1, last, proof) + "\n");
				writer.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return null;
		});
	}

	@FunctionalInterface
	private interface Read<T> {

		T run(Connection connection) throws SQLException;

	}

	private <T> T snapshot(Read<T> read) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				return read.run(connection);
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the audit log: " + ex.getMessage(), ex);
		}
	}

}
