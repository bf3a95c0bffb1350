package io.physforge.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import io.physforge.platform.audit.internal.AuditContext;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records audit events in the service's outbox table {@code audit_outbox}, from where the
 * relay publishes them to {@code pf:audit}.
 * <p>
 * {@link #record} writes through the service's {@link DataSource} as Spring sees it, so
 * it joins the caller's transaction: the change and its event commit or roll back
 * together, and outside a transaction the row commits on its own.
 * {@link #recordIndependently} commits at once on its own connection, for the events of
 * attempts whose transaction rolls back (a failed login, a refused change). What the
 * builder leaves unset is filled in: a new id, now, the service name, the caller of the
 * current request (user id and roles from the access token, else {@code anonymous}), the
 * request id and the client address.
 */
public class AuditRecorder {

	/** The outbox table, unqualified. */
	public static final String TABLE = "audit_outbox";

	private final String insert;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final String service;

	/**
	 * Creates a recorder writing to {@code audit_outbox} of the connection's schema.
	 * @param dataSource the service's data source (its schema holds {@code audit_outbox})
	 * @param service the service name ({@code physforge.service.name})
	 */
	public AuditRecorder(DataSource dataSource, String service) {
		this(dataSource, service, null);
	}

	/**
	 * Creates a recorder.
	 * @param dataSource the service's data source
	 * @param service the service name ({@code physforge.service.name})
	 * @param schema the schema holding {@code audit_outbox} (the service's Flyway default
	 * schema), or {@code null} for the connection's schema
	 */
	public AuditRecorder(DataSource dataSource, String service, String schema) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.jdbc = new JdbcTemplate(dataSource);
		this.service = Objects.requireNonNull(service, "service");
		this.insert = "INSERT INTO " + table(schema) + " (event_id, event) VALUES (?, ?)";
	}

	/**
	 * The outbox table's name, qualified with a schema when one is given.
	 * @param schema the schema or {@code null}
	 * @return the name to use in SQL
	 * @throws IllegalArgumentException for a schema that is not a plain identifier
	 */
	public static String table(String schema) {
		if (schema == null || schema.isBlank()) {
			return TABLE;
		}
		if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("Audit outbox schema must be a plain identifier: " + schema);
		}
		return schema + "." + TABLE;
	}

	/**
	 * Records an event in the current transaction (or on its own without one).
	 * @param event the event; unset members are filled in
	 * @return the event written
	 */
	public AuditEvent record(AuditEvent.Builder event) {
		AuditEvent complete = complete(event);
		this.jdbc.update(this.insert, complete.eventId(), complete.toJson());
		return complete;
	}

	/**
	 * Records an event and commits it now, whatever becomes of the current transaction.
	 * @param event the event; unset members are filled in
	 * @return the event written
	 */
	public AuditEvent recordIndependently(AuditEvent.Builder event) {
		AuditEvent complete = complete(event);
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try (PreparedStatement statement = connection.prepareStatement(this.insert)) {
				statement.setObject(1, complete.eventId());
				statement.setString(2, complete.toJson());
				statement.executeUpdate();
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not record audit event " + complete.action() + ": " + ex, ex);
		}
		return complete;
	}

	private AuditEvent complete(AuditEvent.Builder event) {
		if (!event.hasService()) {
			event.service(this.service);
		}
		if (!event.hasActor()) {
			AuditContext.Caller caller = AuditContext.caller();
			event.actor(caller.id(), caller.roles());
		}
		if (!event.hasRequest()) {
			String[] request = AuditContext.request();
			event.request(request[0], request[1]);
		}
		return event.build();
	}

}
