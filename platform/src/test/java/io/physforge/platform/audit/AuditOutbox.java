package io.physforge.platform.audit;

import java.util.UUID;

import javax.sql.DataSource;

import io.physforge.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throw-away schema of the test database holding {@code audit_outbox}, created by the
 * platform migration exactly as a service's Flyway runs it.
 */
public final class AuditOutbox implements AutoCloseable {

	private final String schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final DriverManagerDataSource dataSource;

	private final JdbcTemplate jdbc;

	public AuditOutbox() {
		String url = TestDatabase.url();
		this.dataSource = new DriverManagerDataSource(
				url + ((url.contains("?")) ? "&" : "?") + "currentSchema=" + this.schema, "postgres", "");
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(this.schema)
			.defaultSchema(this.schema)
			.createSchemas(true)
			.locations(AuditAutoConfiguration.MIGRATIONS)
			.load()
			.migrate();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	public String schema() {
		return this.schema;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public int rows() {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM audit_outbox", Integer.class);
		return (count != null) ? count : 0;
	}

	@Override
	public void close() {
		this.jdbc.execute("DROP SCHEMA " + this.schema + " CASCADE");
	}

}
