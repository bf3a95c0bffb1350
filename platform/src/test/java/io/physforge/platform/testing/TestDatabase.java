package io.physforge.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL database tests run against: {@code physforge_test} on the server of
 * {@code PF_TEST_DB_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/physforge_test}), created through the
 * {@code postgres} database when missing, so a developer's data is never touched.
 */
public final class TestDatabase {

	private static final String URL = env("PF_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/physforge_test");

	private static final String USER = env("PF_DB_USER", "postgres");

	private static final String PASSWORD = env("PF_DB_PASSWORD", "");

	/**
	 * The audit stream of this JVM's tests: a service with a database records audit
	 * events and relays them to Redis, and tests must never add to the real
	 * {@code pf:audit} that tests beside them may read.
	 */
	public static final String AUDIT_STREAM = "pf:audit:test-" + UUID.randomUUID();

	private static boolean ensured;

	private TestDatabase() {
	}

	/**
	 * @return the JDBC URL of the test database, created if it was missing
	 */
	public static synchronized String url() {
		if (!ensured) {
			ensureExists();
			ensured = true;
		}
		return URL;
	}

	/**
	 * Points {@code spring.datasource.*} at the test database, and the audit events the
	 * service records there at {@link #AUDIT_STREAM}.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		String url = url();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
		registry.add("physforge.audit.stream", () -> AUDIT_STREAM);
	}

	private static void ensureExists() {
		int slash = URL.lastIndexOf('/');
		int query = URL.indexOf('?', slash);
		String name = URL.substring(slash + 1, (query > 0) ? query : URL.length());
		String adminUrl = URL.substring(0, slash + 1) + "postgres" + ((query > 0) ? URL.substring(query) : "");
		try (Connection connection = DriverManager.getConnection(adminUrl, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			try (ResultSet result = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
				if (result.next()) {
					return;
				}
			}
			statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) { // created concurrently by another
														// test JVM
				throw new IllegalStateException("Cannot reach or create the test database " + URL
						+ " (set PF_TEST_DB_URL, PF_DB_USER, PF_DB_PASSWORD): " + ex.getMessage(), ex);
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
