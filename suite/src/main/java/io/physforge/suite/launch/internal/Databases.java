package io.physforge.suite.launch.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.physforge.suite.infra.PostgresEndpoint;

/**
 * Dropping a database for a clean test run.
 */
public final class Databases {

	private Databases() {
	}

	/**
	 * Drops a database (closing its connections) unless it is absent.
	 * @param server any database on the server, for the connection
	 * @param name the database to drop; must not be {@code postgres}
	 */
	public static void drop(PostgresEndpoint server, String name) {
		if (!name.matches("[a-z_][a-z0-9_]{0,62}") || name.equals("postgres")) {
			throw new IllegalArgumentException("Refusing to drop database '" + name + "'");
		}
		PostgresEndpoint admin = server.withDatabase("postgres");
		try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
				Statement statement = connection.createStatement()) {
			statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name
					+ "' and pid <> pg_backend_pid()");
			statement.execute("drop database if exists \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop database '" + name + "' on " + admin.host() + ":"
					+ admin.port() + ": " + ex.getMessage(), ex);
		}
	}

}
