package io.physforge.audit.log;

import java.io.ByteArrayOutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.audit.chain.CanonicalJson;
import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.MerkleTree;
import io.physforge.audit.chain.PrunedTree;
import io.physforge.audit.chain.RetentionCheckpoint;
import io.physforge.audit.chain.SigningKeys;

/**
 * The SQL of the log's tables ({@code event_log}, {@code checkpoint}, {@code signing_key}
 * in the connection's schema), one intent-named method each. Only SELECT and INSERT: the
 * service's database role may do nothing else. Methods that stream need a connection with
 * auto-commit off (PostgreSQL only honours the fetch size inside a transaction).
 */
public final class EventLogRows {

	private final int fetchSize;

	/**
	 * @param fetchSize rows per round trip when streaming
	 */
	public EventLogRows(int fetchSize) {
		this.fetchSize = fetchSize;
	}

	/**
	 * The chain head: seq and link of the last event.
	 *
	 * @param seq last seq, 0 when empty
	 * @param hash its link, {@link EventHashes#GENESIS} when empty
	 */
	public record Head(long seq, byte[] hash) {

	}

	/**
	 * Takes the chain-head lock until the transaction ends, so two writers (two instances
	 * of the service) never interleave appends.
	 * @param connection a connection in a transaction
	 * @throws SQLException on database errors
	 */
	public void lockHead(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.event_log'))");
		}
	}

	/**
	 * @param connection a connection
	 * @return the head (after a retention that removed every row: its last seq and link)
	 * @throws SQLException on database errors
	 */
	public Head head(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT seq, hash FROM event_log ORDER BY seq DESC LIMIT 1")) {
			if (rs.next()) {
				return new Head(rs.getLong(1), rs.getBytes(2));
			}
		}
		// every row removed by retention: the chain continues from its summary
		return latestRetention(connection).map((r) -> new Head(r.toSeq(), r.lastChainHash()))
			.orElseGet(() -> new Head(0, EventHashes.GENESIS));
	}

	/**
	 * @param connection a connection
	 * @param ids event ids
	 * @return those already stored
	 * @throws SQLException on database errors
	 */
	public Set<UUID> existing(Connection connection, Collection<UUID> ids) throws SQLException {
		Set<UUID> found = new HashSet<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT event_id FROM event_log WHERE event_id = ANY(?)")) {
			statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					found.add(rs.getObject(1, UUID.class));
				}
			}
		}
		return found;
	}

	/**
	 * Appends events in one batch.
	 * @param connection a connection in a transaction holding the head lock
	 * @param events the events, in seq order
	 * @throws SQLException on database errors
	 */
	public void append(Connection connection, List<StoredEvent> events) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO event_log (seq, event_id, "
				+ "occurred_at, service, actor, actor_roles, action, resource_type, resource_id, outcome, event, "
				+ "leaf_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (StoredEvent stored : events) {
				AuditEvent event = stored.event();
				statement.setLong(1, stored.seq());
				statement.setObject(2, event.eventId());
				statement.setTimestamp(3, Timestamp.from(event.occurredAt()));
				statement.setString(4, event.service());
				statement.setString(5, event.actor());
				Array roles = connection.createArrayOf("text", event.actorRoles().toArray());
				statement.setArray(6, roles);
				statement.setString(7, event.action());
				statement.setString(8, event.resourceType());
				statement.setString(9, event.resourceId());
				statement.setString(10, event.outcome());
				statement.setString(11, event.canonical());
				statement.setBytes(12, stored.leafHash());
				statement.setBytes(13, stored.prevHash());
				statement.setBytes(14, stored.hash());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Streams stored leaf hashes of leaf indices {@code [from, to)} (seq {@code from + 1}
	 * to {@code to}).
	 * @param connection a connection with auto-commit off
	 * @param from first leaf index
	 * @param to index after the last
	 * @param sink receives each leaf hash in order
	 * @throws SQLException on database errors
	 */
	public void leaves(Connection connection, long from, long to, Consumer<byte[]> sink) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT leaf_hash FROM event_log WHERE seq > ? AND seq <= ? ORDER BY seq")) {
			statement.setFetchSize(this.fetchSize);
			statement.setLong(1, from);
			statement.setLong(2, to);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					sink.accept(rs.getBytes(1));
				}
			}
		}
	}

	/**
	 * The stored leaves as a proof source; SQL errors surface as
	 * {@link IllegalStateException}.
	 * @param connection a connection with auto-commit off
	 * @return the source
	 */
	public MerkleTree.LeafSource leafSource(Connection connection) {
		return (from, to, sink) -> {
			try {
				leaves(connection, from, to, sink);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot read leaf hashes: " + ex.getMessage(), ex);
			}
		};
	}

	/**
	 * @param connection a connection
	 * @return the checkpoint of the largest tree, if any
	 * @throws SQLException on database errors
	 */
	public Optional<Checkpoint> latestCheckpoint(Connection connection) throws SQLException {
		List<Checkpoint> latest = checkpoints(connection, "ORDER BY tree_size DESC LIMIT 1", -1, -1);
		return latest.stream().findFirst();
	}

	/**
	 * @param connection a connection
	 * @param limit page size, or -1 for all
	 * @param offset rows to skip, or -1
	 * @return checkpoints, largest tree first when paged, else smallest first
	 * @throws SQLException on database errors
	 */
	public List<Checkpoint> checkpoints(Connection connection, int limit, long offset) throws SQLException {
		return (limit < 0) ? checkpoints(connection, "ORDER BY tree_size", -1, -1)
				: checkpoints(connection, "ORDER BY tree_size DESC LIMIT ? OFFSET ?", limit, offset);
	}

	private List<Checkpoint> checkpoints(Connection connection, String tail, int limit, long offset)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT tree_size, root_hash, last_chain_hash, created_at, key_id, signature FROM checkpoint "
						+ tail)) {
			if (limit >= 0) {
				statement.setInt(1, limit);
				statement.setLong(2, offset);
			}
			List<Checkpoint> checkpoints = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					checkpoints.add(new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getBytes(3),
							rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBytes(6)));
				}
			}
			return checkpoints;
		}
	}

	/**
	 * @param connection a connection
	 * @return number of checkpoints
	 * @throws SQLException on database errors
	 */
	public long countCheckpoints(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM checkpoint")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * @param connection a connection in a transaction holding the head lock
	 * @param checkpoint a signed checkpoint
	 * @throws SQLException on database errors
	 */
	public void appendCheckpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO checkpoint (tree_size, root_hash, "
				+ "last_chain_hash, created_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
			statement.setLong(1, checkpoint.treeSize());
			statement.setBytes(2, checkpoint.rootHash());
			statement.setBytes(3, checkpoint.lastChainHash());
			statement.setTimestamp(4, Timestamp.from(checkpoint.time()));
			statement.setString(5, checkpoint.keyId());
			statement.setBytes(6, checkpoint.signature());
			statement.executeUpdate();
		}
	}

	/**
	 * Publishes a public key (once).
	 * @param connection a connection
	 * @param keyId its id
	 * @param der its X.509 DER
	 * @throws SQLException on database errors
	 */
	public void publishKey(Connection connection, String keyId, byte[] der) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"INSERT INTO signing_key (key_id, public_key) VALUES (?, ?) ON CONFLICT (key_id) DO NOTHING")) {
			statement.setString(1, keyId);
			statement.setBytes(2, der);
			statement.executeUpdate();
		}
	}

	/**
	 * @param connection a connection
	 * @return every published public key by key id
	 * @throws SQLException on database errors
	 */
	public Map<String, java.security.PublicKey> publicKeys(Connection connection) throws SQLException {
		Map<String, java.security.PublicKey> keys = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT key_id, public_key FROM signing_key ORDER BY created_at")) {
			while (rs.next()) {
				keys.put(rs.getString(1), SigningKeys.publicKey(rs.getBytes(2)));
			}
		}
		return keys;
	}

	/**
	 * Subtree hashes for proofs: from the stored leaves, and from the newest retention
	 * checkpoint's frontier for leaves removed by retention ({@link PrunedTree}).
	 * @param connection a connection with auto-commit off
	 * @return the source
	 * @throws SQLException on database errors
	 */
	public MerkleTree.SubtreeSource subtrees(Connection connection) throws SQLException {
		Optional<RetentionCheckpoint> retention = latestRetention(connection);
		MerkleTree.LeafSource leaves = leafSource(connection);
		return retention.<MerkleTree.SubtreeSource>map((r) -> new PrunedTree(r.toSeq(), r.frontier(), leaves))
			.orElseGet(() -> MerkleTree.subtrees(leaves));
	}

	/**
	 * @param connection a connection
	 * @return every retention checkpoint, oldest first
	 * @throws SQLException on database errors
	 */
	public List<RetentionCheckpoint> retentions(Connection connection) throws SQLException {
		List<RetentionCheckpoint> found = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT from_seq, to_seq, event_count, action_counts, last_chain_hash, frontier, created_at, key_id, "
								+ "signature FROM retention_checkpoint ORDER BY to_seq")) {
			while (rs.next()) {
				byte[] packed = rs.getBytes(6);
				List<byte[]> frontier = new ArrayList<>();
				for (int i = 0; i + 32 <= packed.length; i += 32) {
					frontier.add(Arrays.copyOfRange(packed, i, i + 32));
				}
				found.add(new RetentionCheckpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getBytes(5), frontier, rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getBytes(9)));
			}
		}
		return found;
	}

	/**
	 * @param connection a connection
	 * @return the newest retention checkpoint, if any
	 * @throws SQLException on database errors
	 */
	public Optional<RetentionCheckpoint> latestRetention(Connection connection) throws SQLException {
		List<RetentionCheckpoint> all = retentions(connection);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
	}

	/**
	 * @param connection a connection in a transaction holding the head lock
	 * @param retention a signed retention checkpoint
	 * @throws SQLException on database errors
	 */
	public void appendRetention(Connection connection, RetentionCheckpoint retention) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO retention_checkpoint (to_seq, "
				+ "from_seq, event_count, action_counts, last_chain_hash, frontier, created_at, key_id, signature) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			statement.setLong(1, retention.toSeq());
			statement.setLong(2, retention.fromSeq());
			statement.setLong(3, retention.eventCount());
			statement.setString(4, retention.actionCounts());
			statement.setBytes(5, retention.lastChainHash());
			ByteArrayOutputStream packed = new ByteArrayOutputStream();
			retention.frontier().forEach(packed::writeBytes);
			statement.setBytes(6, packed.toByteArray());
			statement.setTimestamp(7, Timestamp.from(retention.time()));
			statement.setString(8, retention.keyId());
			statement.setBytes(9, retention.signature());
			statement.executeUpdate();
		}
	}

	/**
	 * @param connection a connection
	 * @param afterSeq only seqs after this
	 * @param cutoff the retention cut-off
	 * @return the first seq after {@code afterSeq} that occurred at or after the cut-off
	 * @throws SQLException on database errors
	 */
	public Optional<Long> firstKept(Connection connection, long afterSeq, Instant cutoff) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT min(seq) FROM event_log WHERE seq > ? AND occurred_at >= ?")) {
			statement.setLong(1, afterSeq);
			statement.setTimestamp(2, Timestamp.from(cutoff));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				long seq = rs.getLong(1);
				return rs.wasNull() ? Optional.empty() : Optional.of(seq);
			}
		}
	}

	/**
	 * @param connection a connection
	 * @param from first seq
	 * @param to last seq
	 * @return RFC 8785 canonical JSON of the number of events per action in that range
	 * @throws SQLException on database errors
	 */
	public String actionCounts(Connection connection, long from, long to) throws SQLException {
		ObjectNode counts = JsonNodeFactory.instance.objectNode();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT action, count(*) FROM event_log WHERE seq >= ? AND seq <= ? GROUP BY action")) {
			statement.setLong(1, from);
			statement.setLong(2, to);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					counts.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		return CanonicalJson.serialize(counts);
	}

	/**
	 * @param connection a connection
	 * @param seq a stored seq
	 * @return its chain link
	 * @throws SQLException on database errors, or when the row is missing
	 */
	public byte[] hashAt(Connection connection, long seq) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT hash FROM event_log WHERE seq = ?")) {
			statement.setLong(1, seq);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new SQLException("audit event seq " + seq + " is missing");
				}
				return rs.getBytes(1);
			}
		}
	}

	/**
	 * Removes the rows the newest retention checkpoint covers, through the
	 * {@code purge_retained()} SECURITY DEFINER function (the writer role has no DELETE).
	 * @param connection a connection in a transaction holding the head lock
	 * @return rows removed
	 * @throws SQLException on database errors
	 */
	public long purgeRetained(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT purge_retained()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
