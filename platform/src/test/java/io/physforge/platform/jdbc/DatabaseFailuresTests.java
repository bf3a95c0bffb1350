package io.physforge.platform.jdbc;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is down" (a stream entry waits, not counted as a
 * delivery) rather than "the database refused this work" (counted, and dead-lettered
 * after the consumer's max deliveries).
 */
class DatabaseFailuresTests {

	@Test
	void anUnreachableDatabaseIsTellingApartFromAnEventTheDatabaseRefuses() {
		assertThat(DatabaseFailures.unreachable(new CannotCreateTransactionException(
				"Could not open JDBC Connection for transaction", new ConnectException("Connection refused"))))
			.isTrue();
		assertThat(DatabaseFailures.unreachable(
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("timeout"))))
			.isTrue();
		assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException(
				"ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", new SQLException("22021"))))
			.isFalse();
		assertThat(DatabaseFailures.unreachable(new IllegalStateException("no such pipeline"))).isFalse();
	}

}
