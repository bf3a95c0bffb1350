package io.physforge.audit.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.MerkleFrontier;
import io.physforge.audit.chain.RetentionCheckpoint;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.audit.log.EventLogRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summarises and removes events older than a cut-off. In one transaction under the
 * chain-head lock: the range is seq {@code from} (after the previous retention) to
 * {@code t}, the last seq before the first event at or after the cut-off, and never past
 * the latest (signed) checkpoint; a {@link RetentionCheckpoint} with the count, the
 * counts per action, the link of {@code t} and the RFC 9162 Merkle frontier at {@code t}
 * is signed with Ed25519 (RFC 8032) and stored; only then does {@code purge_retained()}
 * remove the covered rows. Verify, proofs and new appends continue from that summary.
 */
public final class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final DataSource dataSource;

	private final EventLogRows rows;

	private final AuditKeys keys;

	private final Clock clock;

	/**
	 * @param dataSource the service's connections
	 * @param rows the log's SQL
	 * @param keys the signing key
	 * @param clock the clock of retention checkpoint times
	 */
	public AuditRetention(DataSource dataSource, EventLogRows rows, AuditKeys keys, Clock clock) {
		this.dataSource = dataSource;
		this.rows = rows;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Summarises and removes the events that occurred before {@code cutoff}.
	 * @param cutoff events before it go
	 * @return the retention checkpoint written, or empty when nothing was due
	 */
	public synchronized Optional<RetentionCheckpoint> apply(Instant cutoff) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				Optional<RetentionCheckpoint> written = summarise(connection, cutoff);
				connection.commit();
				return written;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("audit retention failed: " + ex.getMessage(), ex);
		}
	}

	private Optional<RetentionCheckpoint> summarise(Connection connection, Instant cutoff) throws SQLException {
		this.rows.lockHead(connection);
		Optional<RetentionCheckpoint> previous = this.rows.latestRetention(connection);
		long from = previous.map(RetentionCheckpoint::toSeq).orElse(0L) + 1;
		long signed = this.rows.latestCheckpoint(connection).map(Checkpoint::treeSize).orElse(0L);
		long head = this.rows.head(connection).seq();
		long to = Math.min(signed,
				this.rows.firstKept(connection, from - 1, cutoff).map((seq) -> seq - 1).orElse(head));
		if (to < from) {
			return Optional.empty();
		}
		MerkleFrontier tree = previous.map(RetentionCheckpoint::tree).orElseGet(MerkleFrontier::new);
		this.rows.leaves(connection, tree.size(), to, tree::append);
		RetentionCheckpoint retention = RetentionCheckpoint.sign(from, to, this.rows.actionCounts(connection, from, to),
				this.rows.hashAt(connection, to), tree.hashes(), this.clock.instant(), this.keys.signingKey(),
				this.keys.keyId());
		this.rows.appendRetention(connection, retention);
		long removed = this.rows.purgeRetained(connection);
		log.info("Audit retention: events {} to {} (before {}) summarised in a signed retention checkpoint; {} rows "
				+ "removed", from, to, cutoff, removed);
		return Optional.of(retention);
	}

}
