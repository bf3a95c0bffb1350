package io.physforge.audit.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;

import javax.sql.DataSource;

import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.MerkleFrontier;
import io.physforge.audit.chain.RetentionCheckpoint;
import io.physforge.audit.keys.AuditKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit events to the keyed hash chain, once each, and writes signed checkpoints.
 * <p>
 * {@link #ingest} takes a batch of raw stream entries (the shape of the platform stream
 * consumer's batch), validates every one first (a malformed one throws
 * {@link MalformedEntryException} naming it, and nothing of the batch is stored), then in
 * one transaction under the chain-head lock ({@code pg_advisory_xact_lock}, so two
 * instances never interleave): skips event ids already stored or repeated in the batch,
 * computes each leaf hash and HMAC link, batch-inserts, and writes a checkpoint when
 * {@code checkpointEvery} events are uncovered. The Merkle frontier (RFC 9162, O(log n)
 * hashes) is kept in memory, replaced only after a commit, and caught up from the table
 * whenever another instance appended.
 */
public final class AuditIngest {

	private static final Logger log = LoggerFactory.getLogger(AuditIngest.class);

	private final DataSource dataSource;

	private final EventLogRows rows;

	private final AuditKeys keys;

	private final int checkpointEvery;

	private final Clock clock;

	private MerkleFrontier frontier = new MerkleFrontier();

	/**
	 * @param dataSource the service's connections (the writer role)
	 * @param rows the log's SQL
	 * @param keys HMAC and signing keys
	 * @param checkpointEvery events between checkpoints
	 * @param clock the clock of checkpoint times
	 */
	public AuditIngest(DataSource dataSource, EventLogRows rows, AuditKeys keys, int checkpointEvery, Clock clock) {
		this.dataSource = dataSource;
		this.rows = rows;
		this.keys = keys;
		this.checkpointEvery = checkpointEvery;
		this.clock = clock;
	}

	/**
	 * Publishes the signing key and rebuilds the frontier from the newest retention
	 * checkpoint's frontier and the stored leaf hashes after it (streamed).
	 * @throws SQLException on database errors
	 */
	public synchronized void start() throws SQLException {
		inTransaction((connection) -> {
			this.rows.publishKey(connection, this.keys.keyId(), this.keys.publicKey().getEncoded());
			MerkleFrontier rebuilt = this.rows.latestRetention(connection)
				.map(RetentionCheckpoint::tree)
				.orElseGet(MerkleFrontier::new);
			this.rows.leaves(connection, rebuilt.size(), Long.MAX_VALUE, rebuilt::append);
			this.frontier = rebuilt;
			log.info("Audit log opened: {} events, checkpoint key {}", rebuilt.size(), this.keys.keyId());
			return null;
		});
	}

	/**
	 * Stores a batch of stream entries.
	 * @param entries the entries, in stream order
	 * @throws MalformedEntryException when an entry is not a valid audit event (nothing
	 * stored)
	 * @throws IllegalStateException when the database fails (nothing stored; retry)
	 */
	public synchronized void ingest(List<RawEntry> entries) {
		Map<UUID, AuditEvent> events = new LinkedHashMap<>();
		for (RawEntry entry : entries) {
			AuditEvent event = EventFormat.parse(entry);
			events.putIfAbsent(event.eventId(), event);
		}
		if (events.isEmpty()) {
			return;
		}
		try {
			inTransaction((connection) -> {
				this.rows.lockHead(connection);
				EventLogRows.Head head = this.rows.head(connection);
				MerkleFrontier next = caughtUp(connection, head.seq());
				Set<UUID> stored = this.rows.existing(connection, events.keySet());
				BinaryOperator<byte[]> link = this.keys.hashes().linker();
				List<StoredEvent> appended = new ArrayList<>(events.size());
				long seq = head.seq();
				byte[] prev = head.hash();
				for (AuditEvent event : events.values()) {
					if (stored.contains(event.eventId())) {
						continue;
					}
					byte[] utf8 = EventHashes.utf8(event.canonical());
					byte[] hash = link.apply(prev, utf8);
					StoredEvent row = new StoredEvent(++seq, event, EventHashes.leafHash(utf8), prev, hash);
					appended.add(row);
					next.append(row.leafHash());
					prev = hash;
				}
				if (!appended.isEmpty()) {
					this.rows.append(connection, appended);
					checkpointIfDue(connection, next, prev, this.checkpointEvery);
				}
				return next;
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot store audit events: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes a checkpoint when events are stored that no checkpoint covers (the timed
	 * checkpoint).
	 * @return the new checkpoint, if one was written
	 */
	public synchronized Optional<Checkpoint> checkpointNow() {
		Checkpoint[] written = new Checkpoint[1];
		try {
			inTransaction((connection) -> {
				this.rows.lockHead(connection);
				EventLogRows.Head head = this.rows.head(connection);
				MerkleFrontier next = caughtUp(connection, head.seq());
				written[0] = checkpointIfDue(connection, next, head.hash(), 1);
				return next;
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot write an audit checkpoint: " + ex.getMessage(), ex);
		}
		return Optional.ofNullable(written[0]);
	}

	/**
	 * @return number of events in the in-memory tree
	 */
	public synchronized long treeSize() {
		return this.frontier.size();
	}

	private Checkpoint checkpointIfDue(Connection connection, MerkleFrontier tree, byte[] lastHash, int every)
			throws SQLException {
		long covered = this.rows.latestCheckpoint(connection).map(Checkpoint::treeSize).orElse(0L);
		if (tree.size() - covered < every) {
			return null;
		}
		Checkpoint checkpoint = Checkpoint.sign(tree.size(), tree.root(), lastHash, this.clock.instant(),
				this.keys.signingKey(), this.keys.keyId());
		this.rows.appendCheckpoint(connection, checkpoint);
		return checkpoint;
	}

	/** A copy of the frontier with every leaf up to {@code headSeq} appended. */
	private MerkleFrontier caughtUp(Connection connection, long headSeq) throws SQLException {
		MerkleFrontier next = this.frontier.copy();
		if (next.size() > headSeq) {
			throw new IllegalStateException("the audit log has " + headSeq + " events but this instance had seen "
					+ next.size() + ": rows were removed; run GET /api/audit/verify");
		}
		if (next.size() < headSeq) {
			this.rows.leaves(connection, next.size(), headSeq, next::append);
		}
		return next;
	}

	@FunctionalInterface
	private interface Work {

		MerkleFrontier run(Connection connection) throws SQLException;

	}

	private void inTransaction(Work work) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				MerkleFrontier next = work.run(connection);
				connection.commit();
				if (next != null) {
					this.frontier = next;
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

}
