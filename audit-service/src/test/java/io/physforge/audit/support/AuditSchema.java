package io.physforge.audit.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.physforge.platform.testing.TestDatabase;
import io.physforge.platform.audit.AuditAutoConfiguration;
import org.flywaydb.core.Flyway;

/**
 * A fresh audit schema {@code audit_t<random>} in the test database, migrated by Flyway
 * with the service's own migrations, so tests never share a log. {@link #writer()}
 * connects as the service does (SET ROLE pf_audit_writer); {@link #superuser()} as the
 * login user.
 */
public final class AuditSchema implements AutoCloseable {

	/** The writer role the migrations create. */
	public static final String WRITER_ROLE = "pf_audit_writer";

	private static final String USER = env("PF_DB_USER", "postgres");

	private static final String PASSWORD = env("PF_DB_PASSWORD", "");

	private final String name = "audit_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private HikariDataSource writer;

	/**
	 * @return the schema name, not yet migrated
	 */
	public static AuditSchema create() {
		return new AuditSchema();
	}

	/**
	 * Runs the migrations.
	 * @return this
	 */
	public AuditSchema migrate() {
		Flyway.configure()
			.dataSource(TestDatabase.url(), USER, PASSWORD)
			.schemas(this.name)
			.defaultSchema(this.name)
			.createSchemas(true)
			// as in the service: its migrations and the platform's audit outbox
			.locations("classpath:db/migration", AuditAutoConfiguration.MIGRATIONS)
			.placeholders(Map.of("writer_role", WRITER_ROLE))
			.load()
			.migrate();
		return this;
	}

	/**
	 * @return the schema name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return connections as the service has them: this schema, the writer role
	 */
	public synchronized HikariDataSource writer() {
		if (this.writer == null) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(TestDatabase.url());
			config.setUsername(USER);
			config.setPassword(PASSWORD);
			config.setSchema(this.name);
			config.setConnectionInitSql("SET ROLE " + WRITER_ROLE);
			config.setMaximumPoolSize(3);
			this.writer = new HikariDataSource(config);
		}
		return this.writer;
	}

	/**
	 * @return a new connection as the login user (a superuser in tests), on this schema
	 * @throws SQLException on database errors
	 */
	public Connection superuser() throws SQLException {
		Connection connection = DriverManager.getConnection(TestDatabase.url(), USER, PASSWORD);
		connection.setSchema(this.name);
		return connection;
	}

	/** Drops the schema. */
	@Override
	public void close() throws SQLException {
		if (this.writer != null) {
			this.writer.close();
		}
		try (Connection connection = DriverManager.getConnection(TestDatabase.url(), USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
