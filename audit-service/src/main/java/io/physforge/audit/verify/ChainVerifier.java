package io.physforge.audit.verify;

import java.security.PublicKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.MerkleFrontier;
import io.physforge.audit.chain.RetentionCheckpoint;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.log.EventLogRows;

/**
 * Walks the whole stored log in seq order (streamed with a JDBC fetch size: memory stays
 * flat) and reports the first bad seq and why.
 * <p>
 * Per row: seq contiguous from 1 (a gap is a deleted row); the event parses and its
 * indexed columns equal its members (an edited column); {@code leaf_hash} is
 * {@code SHA-256(0x00 || event)} (an edited event); {@code prev_hash} is the previous
 * row's {@code hash} (a row inserted, removed or moved); {@code hash} is
 * {@code HMAC-SHA256(key, prev_hash || event)} (a row and its hashes rewritten without
 * the key). Event ids are unique (a duplicated event; proven by the unique index when it
 * is there, else counted). Every checkpoint: its Ed25519 signature (RFC 8032) verifies
 * with its published key; at its tree size the RFC 9162 Merkle root of the leaves and the
 * last link equal the signed ones; its tree is not larger than the log (a truncated tail,
 * whose first missing seq is reported). The lowest seq among all findings is the answer;
 * a checkpoint's own fault is reported at its tree size. After retention the walk starts
 * from the newest signed retention checkpoint: its chain link and Merkle frontier; every
 * retention checkpoint's signature is checked.
 */
public final class ChainVerifier {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final EventLogRows rows;

	private final EventHashes hashes;

	private final int fetchSize;

	/**
	 * @param rows the log's SQL
	 * @param hashes the chain's HMAC
	 * @param fetchSize rows per round trip
	 */
	public ChainVerifier(EventLogRows rows, EventHashes hashes, int fetchSize) {
		this.rows = rows;
		this.hashes = hashes;
		this.fetchSize = fetchSize;
	}

	/**
	 * Checks the log seen by a connection, inside its current transaction (auto-commit is
	 * switched off for the walk and restored after it).
	 * @param connection a connection whose schema holds the log
	 * @return valid, or the first bad seq and why
	 * @throws SQLException on database errors
	 */
	public VerifyResult verify(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			return walk(connection);
		}
		finally {
			if (autoCommit) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	private VerifyResult walk(Connection connection) throws SQLException {
		Findings findings = new Findings();
		List<Checkpoint> checkpoints = this.rows.checkpoints(connection, -1, -1);
		Map<String, PublicKey> keys = this.rows.publicKeys(connection);
		for (Checkpoint checkpoint : checkpoints) {
			PublicKey key = keys.get(checkpoint.keyId());
			if (key == null) {
				findings.add(checkpoint.treeSize(), "checkpoint at tree size " + checkpoint.treeSize()
						+ " is signed by unknown key " + checkpoint.keyId());
			}
			else if (!checkpoint.verify(key)) {
				findings.add(checkpoint.treeSize(), "checkpoint at tree size " + checkpoint.treeSize()
						+ ": the Ed25519 signature does not verify (checkpoint edited)");
			}
		}
		duplicates(connection, findings);
		RetentionCheckpoint start = null;
		for (RetentionCheckpoint retention : this.rows.retentions(connection)) {
			PublicKey key = keys.get(retention.keyId());
			if (key == null || !retention.verify(key)) {
				findings.add(retention.toSeq(), "retention checkpoint of seq " + retention.fromSeq() + " to "
						+ retention.toSeq() + ": the Ed25519 signature does not verify (edited or unknown key)");
			}
			start = retention;
		}
		BinaryOperator<byte[]> link = this.hashes.linker();
		MerkleFrontier tree = (start != null) ? start.tree() : new MerkleFrontier();
		byte[] prev = (start != null) ? start.lastChainHash() : EventHashes.GENESIS;
		long expected = tree.size() + 1;
		long removed = tree.size();
		if (removed > 0) {
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT min(seq) FROM event_log WHERE seq <= ?")) {
				statement.setLong(1, removed);
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next() && rs.getObject(1) != null) {
						findings.add(rs.getLong(1),
								"seq " + rs.getLong(1) + " is stored although retention removed seq " + start.fromSeq()
										+ " to " + removed + " (a row was inserted)");
					}
				}
			}
		}
		int nextCheckpoint = 0;
		for (; nextCheckpoint < checkpoints.size()
				&& checkpoints.get(nextCheckpoint).treeSize() <= tree.size(); nextCheckpoint++) {
			checkAt(checkpoints.get(nextCheckpoint), tree, prev, findings);
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT seq, event_id, occurred_at, service, "
				+ "actor, actor_roles, action, resource_type, resource_id, outcome, event, leaf_hash, prev_hash, hash "
				+ "FROM event_log WHERE seq >= ? ORDER BY seq")) {
			statement.setFetchSize(this.fetchSize);
			statement.setLong(1, expected);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next() && findings.first() > expected) {
					long seq = rs.getLong(1);
					if (seq != expected) {
						findings.add(expected,
								"seq " + expected + " is missing (the next row is seq " + seq + "): a row was deleted");
						break;
					}
					String problem = checkRow(rs, prev, link);
					if (problem != null) {
						findings.add(seq, "seq " + seq + ": " + problem);
						break;
					}
					tree.append(rs.getBytes(12));
					prev = rs.getBytes(14);
					for (; nextCheckpoint < checkpoints.size()
							&& checkpoints.get(nextCheckpoint).treeSize() <= seq; nextCheckpoint++) {
						checkAt(checkpoints.get(nextCheckpoint), tree, prev, findings);
					}
					expected++;
				}
			}
		}
		long stored = expected - 1;
		if (findings.first() > expected) {
			for (; nextCheckpoint < checkpoints.size(); nextCheckpoint++) {
				Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
				if (checkpoint.treeSize() > stored) {
					findings.add(expected,
							"checkpoint at tree size " + checkpoint.treeSize() + " covers seq " + expected + " to "
									+ checkpoint.treeSize() + " but the log ends at seq " + stored
									+ ": the tail was truncated");
				}
			}
		}
		return findings.result(Math.min(stored, findings.first() - 1) - removed);
	}

	private void checkAt(Checkpoint checkpoint, MerkleFrontier tree, byte[] last, Findings findings) {
		if (checkpoint.treeSize() != tree.size()) {
			return;
		}
		if (!EventHashes.same(checkpoint.rootHash(), tree.root())) {
			findings.add(checkpoint.treeSize(), "checkpoint at tree size " + checkpoint.treeSize()
					+ ": the Merkle root of the stored leaves is not the signed root");
		}
		else if (!EventHashes.same(checkpoint.lastChainHash(), last)) {
			findings.add(checkpoint.treeSize(), "checkpoint at tree size " + checkpoint.treeSize()
					+ ": the hash of seq " + checkpoint.treeSize() + " is not the signed last chain hash");
		}
	}

	private String checkRow(ResultSet rs, byte[] prev, BinaryOperator<byte[]> link) throws SQLException {
		String text = rs.getString(11);
		byte[] utf8 = EventHashes.utf8(text);
		if (!EventHashes.same(EventHashes.leafHash(utf8), rs.getBytes(12))) {
			return "the event text does not hash to its leaf_hash (edited)";
		}
		if (!EventHashes.same(prev, rs.getBytes(13))) {
			return "prev_hash is not the hash of the row before it (a row was inserted, removed or moved)";
		}
		if (!EventHashes.same(link.apply(prev, utf8), rs.getBytes(14))) {
			return "hash is not HMAC(key, prev_hash || event): the row or its hash was rewritten without the key";
		}
		JsonNode event;
		try {
			event = JSON.readTree(text);
		}
		catch (JsonProcessingException ex) {
			return "the stored event is not JSON: " + ex.getOriginalMessage();
		}
		String column = mismatchedColumn(rs, event);
		return (column != null) ? "column " + column + " does not match the stored event (edited)" : null;
	}

	/**
	 * The indexed columns against the event's members (rows come only from valid events).
	 */
	private static String mismatchedColumn(ResultSet rs, JsonNode event) throws SQLException {
		String[][] text = { { "event_id", rs.getString(2), event.path("eventId").asText(null) },
				{ "service", rs.getString(4), event.path("service").asText(null) },
				{ "actor", rs.getString(5), event.path("actor").asText(null) },
				{ "action", rs.getString(7), event.path("action").asText(null) },
				{ "resource_type", rs.getString(8), event.path("resourceType").asText(null) },
				{ "resource_id", rs.getString(9), event.path("resourceId").asText(null) },
				{ "outcome", rs.getString(10), event.path("outcome").asText(null) } };
		for (String[] column : text) {
			if (!Objects.equals(column[1], column[2])) {
				return column[0];
			}
		}
		List<String> roles = new ArrayList<>();
		event.path("actorRoles").forEach((role) -> roles.add(role.asText()));
		Array stored = rs.getArray(6);
		if (stored == null || !Arrays.asList((Object[]) stored.getArray()).equals(roles)) {
			return "actor_roles";
		}
		try {
			if (!Instant.parse(event.path("occurredAt").asText()).equals(rs.getTimestamp(3).toInstant())) {
				return "occurred_at";
			}
		}
		catch (DateTimeParseException ex) {
			return "occurred_at";
		}
		return null;
	}

	private static void duplicates(Connection connection, Findings findings) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
					+ "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ALL(i.indkey) "
					+ "WHERE t.oid = to_regclass('event_log') AND i.indisunique AND i.indisvalid "
					+ "AND i.indnatts = 1 AND a.attname = 'event_id'")) {
				if (rs.next()) {
					return; // a valid unique index proves there are none
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT seq, event_id, first FROM (SELECT seq, event_id, "
					+ "min(seq) OVER (PARTITION BY event_id) AS first FROM event_log) t WHERE seq > first "
					+ "ORDER BY seq LIMIT 1")) {
				if (rs.next()) {
					findings.add(rs.getLong(1), "seq " + rs.getLong(1) + ": event " + rs.getString(2)
							+ " is stored twice (first at seq " + rs.getLong(3) + ")");
				}
			}
		}
	}

	/** The findings so far; the lowest seq wins. */
	private static final class Findings {

		private long firstSeq = Long.MAX_VALUE;

		private String reason;

		void add(long seq, String why) {
			if (seq < this.firstSeq) {
				this.firstSeq = seq;
				this.reason = why;
			}
		}

		long first() {
			return this.firstSeq;
		}

		VerifyResult result(long checked) {
			return (this.reason == null) ? VerifyResult.ok(checked)
					: VerifyResult.bad(Math.max(0, checked), this.firstSeq, this.reason);
		}

	}

}
