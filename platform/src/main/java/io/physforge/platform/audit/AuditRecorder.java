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

	private static final String INSERT = "INSERT INTO audit_outbox (event_id, event) VALUES (?, ?)";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final String service;

	/**
	 * Creates a recorder.
	 * @param dataSource the service's data source (its schema holds {@code audit_outbox})
	 * @param service the service name ({@code physforge.service.name})
	 */
	public AuditRecorder(DataSource dataSource, String service) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.jdbc = new JdbcTemplate(dataSource);
		this.service = Objects.requireNonNull(service, "service");
	}

	/**
	 * Records an event in the current transaction (or on its own without one).
	 * @param event the event; unset members are filled in
	 * @return the event written
	 */
	public AuditEvent record(AuditEvent.Builder event) {
		AuditEvent complete = complete(event);
		this.jdbc.update(INSERT, complete.eventId(), complete.toJson());
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
			try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
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
