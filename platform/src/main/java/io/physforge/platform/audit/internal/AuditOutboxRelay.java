package io.physforge.platform.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.physforge.platform.audit.AuditProperties;
import io.physforge.platform.audit.AuditRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the rows of {@code audit_outbox} to the audit stream and deletes them, every
 * {@code physforge.audit.relay-interval}.
 * <p>
 * Each pass takes up to {@code relay-batch-size} rows in id order
 * {@code FOR UPDATE SKIP LOCKED} (so relays of several instances never take the same
 * row), adds each as one field {@code event} with {@code MAXLEN ~ stream-max-length}, and
 * deletes what was added in the same transaction. Nothing is lost: when Redis fails the
 * rows not yet added stay and are relayed when it is back; while the stream holds
 * {@code stream-max-length} entries nothing is relayed (back-pressure instead of trimming
 * unread events), and each pass adds at most the room left. A crash between XADD and
 * commit relays a row again, which the consumer stores once by its event id.
 */
public final class AuditOutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AuditOutboxRelay.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final UnifiedJedis redis;

	private final AuditProperties properties;

	private final String table;

	private final Object lifecycle = new Object();

	private ScheduledExecutorService executor;

	private volatile State state = State.RELAYING;

	/**
	 * Creates a relay of {@code audit_outbox} in the connection's schema;
	 * {@link #start()} schedules it.
	 * @param dataSource the service's data source
	 * @param redis the Redis client
	 * @param properties the audit settings
	 */
	public AuditOutboxRelay(DataSource dataSource, UnifiedJedis redis, AuditProperties properties) {
		this(dataSource, redis, properties, null);
	}

	/**
	 * Creates a relay; {@link #start()} schedules it.
	 * @param dataSource the service's data source
	 * @param redis the Redis client
	 * @param properties the audit settings
	 * @param schema the schema holding {@code audit_outbox}, or {@code null} for the
	 * connection's schema
	 */
	public AuditOutboxRelay(DataSource dataSource, UnifiedJedis redis, AuditProperties properties, String schema) {
		this.table = AuditRecorder.table(schema);
		this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.redis = Objects.requireNonNull(redis, "redis");
		this.properties = Objects.requireNonNull(properties, "properties");
	}

	/**
	 * One pass: relays the due rows that fit under the stream's cap.
	 * @return how many rows were published and deleted
	 */
	public int relayOnce() {
		long length;
		try {
			length = this.redis.xlen(this.properties.stream());
		}
		catch (JedisException ex) {
			enter(State.REDIS_UNAVAILABLE, ex.toString());
			return 0;
		}
		long room = this.properties.streamMaxLength() - length;
		if (room <= 0) {
			enter(State.STREAM_FULL, length + " entries");
			return 0;
		}
		int limit = (int) Math.min(this.properties.relayBatchSize(), room);
		Integer relayed = this.transactions.execute((status) -> relayBatch(limit));
		return (relayed != null) ? relayed : 0;
	}

	private int relayBatch(int limit) {
		List<Row> rows = this.jdbc.query(
				"SELECT id, event FROM " + this.table + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
				(rs, n) -> new Row(rs.getLong(1), rs.getString(2)), limit);
		XAddParams params = XAddParams.xAddParams()
			.id(StreamEntryID.NEW_ENTRY)
			.maxLen(this.properties.streamMaxLength())
			.approximateTrimming();
		int added = 0;
		for (Row row : rows) {
			try {
				this.redis.xadd(this.properties.stream(), params, Map.of("event", row.event()));
			}
			catch (JedisException ex) {
				enter(State.REDIS_UNAVAILABLE, ex.toString());
				break;
			}
			added++;
		}
		this.jdbc.batchUpdate("DELETE FROM " + this.table + " WHERE id = ?",
				rows.subList(0, added).stream().map((row) -> new Object[] { row.id() }).toList());
		if (added == rows.size()) {
			enter(State.RELAYING, null);
		}
		return added;
	}

	private void pass() {
		try {
			while (relayOnce() == this.properties.relayBatchSize()) {
				// a full batch: more rows are probably waiting
			}
		}
		catch (DataAccessException ex) {
			enter(State.DATABASE_UNAVAILABLE, ex.getMostSpecificCause().toString());
		}
		catch (Throwable ex) { // the schedule must survive anything
			logger.error("Audit relay pass failed", ex);
		}
	}

	private void enter(State next, String detail) {
		State previous = this.state;
		this.state = next;
		if (previous == next) {
			return;
		}
		switch (next) {
			case RELAYING -> logger.info("Audit relay to {} resumed", this.properties.stream());
			case STREAM_FULL ->
				logger.warn("Audit stream {} is at its cap of {} ({}); events wait in audit_outbox until it drains",
						this.properties.stream(), this.properties.streamMaxLength(), detail);
			case REDIS_UNAVAILABLE -> logger.warn("Redis unavailable for the audit relay ({}); events wait in "
					+ "audit_outbox and are relayed when it is back", detail);
			case DATABASE_UNAVAILABLE -> logger.warn("Audit relay cannot read audit_outbox: {}", detail);
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.executor != null) {
				return;
			}
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "audit-relay");
				thread.setDaemon(true);
				return thread;
			});
			long interval = this.properties.relayInterval().toMillis();
			this.executor.scheduleWithFixedDelay(this::pass, interval, interval, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycle) {
			if (this.executor == null) {
				return;
			}
			this.executor.shutdown();
			try {
				this.executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycle) {
			return this.executor != null;
		}
	}

	private enum State {

		RELAYING, STREAM_FULL, REDIS_UNAVAILABLE, DATABASE_UNAVAILABLE

	}

	private record Row(long id, String event) {

	}

}
