package io.physforge.platform.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a worker service's job rows in a table of its own, keyed by the job:
 * deliveries of one job (retries, redeliveries, concurrent consumers) share one row. A
 * delivery claims the row with an insert-or-claim statement ({@link #claim}, its
 * {@code ON CONFLICT} tail from {@link #reclaimUnless}), stores its result once
 * ({@link #completeOnce}) or ends the row ({@link #finish}); a completed row is never
 * changed again.
 * <p>
 * The table has the columns {@code id} (uuid), {@code status} ({@code running},
 * {@code completed}, {@code failed}, {@code cancelled}, ...), {@code attempts},
 * {@code idempotency_key}, {@code owner_id}, {@code error} and {@code completed_at}; the
 * service keeps its own columns, statements and entity mapping.
 */
public final class JobRows {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final String table;

	/**
	 * @param jdbc the service's database
	 * @param transactions its transactions
	 * @param table the job table (a plain SQL name)
	 */
	public JobRows(JdbcClient jdbc, TransactionTemplate transactions, String table) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.table = name(table);
	}

	/**
	 * The {@code ON CONFLICT} tail of an insert-or-claim statement: an existing row of
	 * the job is taken over (status {@code running}, one more attempt, the new
	 * idempotency key, completion time and error cleared) unless its status is final, and
	 * the claimed row's id is returned.
	 * @param keyColumn the job's unique key ({@code job_id}, or {@code id} where the row
	 * id is the job id)
	 * @param alsoSet further assignments, such as {@code "settings = EXCLUDED.settings"},
	 * or an empty string
	 * @param alsoWhere a further condition on the existing row (table-qualified), or
	 * {@code null}
	 * @param finalStatuses the statuses a row is not taken over in, at least
	 * {@code completed}
	 * @return {@code ON CONFLICT ... RETURNING id}
	 */
	public String reclaimUnless(String keyColumn, String alsoSet, String alsoWhere, String... finalStatuses) {
		String finals = List.of(finalStatuses)
			.stream()
			.map((status) -> "'" + name(status) + "'")
			.collect(Collectors.joining(", "));
		return "ON CONFLICT (" + name(keyColumn) + ") DO UPDATE SET status = 'running', attempts = " + this.table
				+ ".attempts + 1, idempotency_key = EXCLUDED.idempotency_key, "
				+ (alsoSet.isEmpty() ? "" : alsoSet + ", ") + "completed_at = NULL, error = NULL WHERE " + this.table
				+ ".status NOT IN (" + finals + ")" + ((alsoWhere != null) ? " AND " + alsoWhere : "")
				+ " RETURNING id";
	}

	/**
	 * Runs an insert-or-claim statement (ending in {@link #reclaimUnless}).
	 * @param insertOrClaim the statement with its parameters bound
	 * @return the row's id when this delivery claimed it; empty when the job's row is in
	 * a final state (or fails the statement's further condition)
	 */
	public Optional<UUID> claim(StatementSpec insertOrClaim) {
		return insertOrClaim.query(UUID.class).list().stream().findFirst();
	}

	/**
	 * @param keyColumn a unique column
	 * @param key its value
	 * @return the id of the row with that key
	 */
	public UUID id(String keyColumn, Object key) {
		return this.jdbc.sql("SELECT id FROM " + this.table + " WHERE " + name(keyColumn) + " = :key")
			.param("key", key)
			.query(UUID.class)
			.single();
	}

	/**
	 * Locks a row and, unless it completed already, stores the result in the same
	 * transaction; of concurrent deliveries of a job one stores it.
	 * @param id the row
	 * @param store writes the result and marks the row {@code completed}
	 * @return {@code true} if this call stored it; {@code false} when another delivery
	 * completed the row first
	 */
	public boolean completeOnce(UUID id, Runnable store) {
		Boolean stored = this.transactions.execute((tx) -> {
			String status = this.jdbc.sql("SELECT status FROM " + this.table + " WHERE id = :id FOR UPDATE")
				.param("id", id)
				.query(String.class)
				.single();
			if ("completed".equals(status)) {
				return false;
			}
			store.run();
			return true;
		});
		return Boolean.TRUE.equals(stored);
	}

	/**
	 * Ends a row that did not complete; a completed row is left alone.
	 * @param id the row
	 * @param status the final status, such as {@code failed} or {@code cancelled}
	 * @param error why
	 */
	public void finish(UUID id, String status, String error) {
		this.jdbc
			.sql("UPDATE " + this.table + " SET status = :status, error = :error, completed_at = now() "
					+ "WHERE id = :id AND status <> 'completed'")
			.param("status", status)
			.param("error", error)
			.param("id", id)
			.update();
	}

	/**
	 * @param ownerId the owner, {@code null} for everyone's
	 * @return how many rows there are
	 */
	public long count(String ownerId) {
		return this.jdbc
			.sql("SELECT count(*) FROM " + this.table + " WHERE (CAST(:owner AS text) IS NULL OR owner_id = :owner)")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

	private static String name(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a plain SQL name");
		}
		return name;
	}

}
