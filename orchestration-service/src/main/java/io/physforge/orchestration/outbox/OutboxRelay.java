package io.physforge.orchestration.outbox;

import java.util.List;
import java.util.UUID;

import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.queue.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes due outbox rows through {@link JobQueue#publish} and marks them sent. Rows
 * are locked with {@code FOR UPDATE SKIP LOCKED}, so relays on several instances never
 * take the same row. A row whose job is no longer queued at that attempt (cancelled,
 * failed) is marked skipped. Publishing is idempotent (key {@code <jobId>:<attempt>}), so
 * a row published but not marked (crash between the two) is harmless when published
 * again.
 */
@Component
public class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final JobQueue queue;

	private final TransactionTemplate transactions;

	public OutboxRelay(JdbcClient jdbc, JobQueue queue, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.queue = queue;
		this.transactions = transactions;
	}

	/**
	 * Publishes the due rows, up to 100.
	 * @return how many rows were handled
	 */
	public int relay() {
		Integer handled = this.transactions.execute((status) -> {
			List<Row> rows = this.jdbc
				.sql("SELECT o.id, o.job_id, o.attempt, o.queue, o.idempotency_key, o.payload, j.status, j.attempts "
						+ "FROM outbox o JOIN job j ON j.id = o.job_id WHERE o.sent_at IS NULL AND o.available_at <= now() "
						+ "ORDER BY o.id LIMIT 100 FOR UPDATE OF o SKIP LOCKED")
				.query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
				.list();
			int count = 0;
			for (Row row : rows) {
				if (!"queued".equals(row.jobStatus) || row.jobAttempts != row.attempt) {
					mark(row.id, "skipped: job is " + row.jobStatus + " at attempt " + row.jobAttempts);
					count++;
					continue;
				}
				boolean added;
				try {
					added = this.queue
						.publish(new JobMessage(row.jobId.toString(), row.queue, row.key, row.payload, 0, null));
				}
				catch (RuntimeException ex) {
					logger.warn("Could not publish job {} attempt {} to {}: {}; will retry", row.jobId, row.attempt,
							JobQueue.streamFor(row.queue), ex.toString());
					break;
				}
				mark(row.id, added ? "published" : "duplicate (already published)");
				this.jdbc.sql(
						"UPDATE job SET published_at = now(), updated_at = now() WHERE id = :id AND attempts = :attempt AND status = 'queued'")
					.param("id", row.jobId)
					.param("attempt", row.attempt)
					.update();
				logger.debug("Published job {} attempt {} to {}", row.jobId, row.attempt,
						JobQueue.streamFor(row.queue));
				count++;
			}
			return count;
		});
		return (handled != null) ? handled : 0;
	}

	private void mark(long id, String outcome) {
		this.jdbc.sql("UPDATE outbox SET sent_at = now(), outcome = :outcome WHERE id = :id")
			.param("outcome", outcome)
			.param("id", id)
			.update();
	}

	private record Row(long id, UUID jobId, int attempt, String queue, String key, String payload, String jobStatus,
			int jobAttempts) {

	}

}
