package io.physforge.orchestration.events;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of applying a job event mean "the database is down" (the event waits,
 * not counted as a delivery) rather than "this event cannot be applied" (counted, and
 * dead-lettered after {@code events-max-deliveries}).
 */
class JobEventConsumerTests {

	@Test
	void anUnreachableDatabaseIsTellingApartFromAnEventTheDatabaseRefuses() {
		assertThat(JobEventConsumer.databaseUnavailable(new CannotCreateTransactionException(
				"Could not open JDBC Connection for transaction", new ConnectException("Connection refused"))))
			.isTrue();
		assertThat(JobEventConsumer.databaseUnavailable(
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("timeout"))))
			.isTrue();
		assertThat(JobEventConsumer.databaseUnavailable(new DataIntegrityViolationException(
				"ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", new SQLException("22021"))))
			.isFalse();
		assertThat(JobEventConsumer.databaseUnavailable(new IllegalStateException("no such pipeline"))).isFalse();
	}

}
