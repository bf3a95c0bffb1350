package io.physforge.platform.jdbc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JobRows} and {@link Columns} on a job table of their own in the
 * {@code physforge_test} database: claim, take-over, completion once, end.
 */
class JobRowsTests {

	private static final String TABLE = "job_rows_test_" + UUID.randomUUID().toString().replace("-", "");

	private static JdbcClient jdbc;

	private static JobRows rows;

	@BeforeAll
	static void createTable() {
		DriverManagerDataSource data = new DriverManagerDataSource(TestDatabase.url(),
				System.getenv().getOrDefault("PF_DB_USER", "postgres"),
				System.getenv().getOrDefault("PF_DB_PASSWORD", ""));
		jdbc = JdbcClient.create(data);
		jdbc.sql("CREATE TABLE " + TABLE + " (id uuid PRIMARY KEY, job_id text NOT NULL UNIQUE, "
				+ "idempotency_key text, owner_id text NOT NULL, status text NOT NULL, attempts int NOT NULL DEFAULT 1, "
				+ "settings json, result text, completed_at timestamptz, error text)")
			.update();
		rows = new JobRows(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)), TABLE);
	}

	@AfterAll
	static void dropTable() {
		jdbc.sql("DROP TABLE IF EXISTS " + TABLE).update();
	}

	private Optional<UUID> claim(String jobId, String key, String owner, String settings) {
		return rows.claim(jdbc
			.sql("INSERT INTO " + TABLE + " (id, job_id, idempotency_key, owner_id, status, settings) "
					+ "VALUES (:id, :job, :key, :owner, 'running', CAST(:settings AS json)) "
					+ rows.reclaimUnless("job_id", "settings = EXCLUDED.settings",
							TABLE + ".owner_id = EXCLUDED.owner_id", "completed", "cancelled"))
			.param("id", UUID.randomUUID())
			.param("job", jobId)
			.param("key", key)
			.param("owner", owner)
			.param("settings", settings));
	}

	private Map<String, Object> row(UUID id) {
		return jdbc
			.sql("SELECT status, attempts, idempotency_key, settings::text AS settings, result, completed_at, "
					+ "error FROM " + TABLE + " WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	@Test
	void aJobIsClaimedTakenOverUntilItCompletesAndCompletedOnce() {
		String job = UUID.randomUUID().toString();
		UUID id = claim(job, job + ":1", "alice", "{\"a\":1}").orElseThrow();
		assertThat(rows.id("job_id", job)).isEqualTo(id);
		rows.finish(id, "failed", "boom");
		assertThat(row(id)).containsEntry("status", "failed").containsEntry("error", "boom");
		assertThat(row(id).get("completed_at")).isNotNull();

		// a redelivery takes the failed row over: running again, error and end cleared
		assertThat(claim(job, job + ":2", "alice", "{\"a\":2}")).contains(id);
		Map<String, Object> retried = row(id);
		assertThat(retried).containsEntry("status", "running")
			.containsEntry("attempts", 2)
			.containsEntry("idempotency_key", job + ":2")
			.containsEntry("settings", "{\"a\":2}")
			.containsEntry("error", null)
			.containsEntry("completed_at", null);
		// another owner's delivery of the same job id takes nothing over
		assertThat(claim(job, job + ":3", "mallory", "{}")).isEmpty();
		assertThat(row(id)).containsEntry("attempts", 2);

		Runnable store = () -> jdbc
			.sql("UPDATE " + TABLE + " SET status = 'completed', result = 'r', completed_at = now() WHERE id = :id")
			.param("id", id)
			.update();
		assertThat(rows.completeOnce(id, store)).isTrue();
		assertThat(rows.completeOnce(id, () -> {
			throw new AssertionError("stored twice");
		})).isFalse();
		// a completed row is final: not taken over, not ended
		assertThat(claim(job, job + ":4", "alice", "{}")).isEmpty();
		rows.finish(id, "failed", "late");
		assertThat(row(id)).containsEntry("status", "completed")
			.containsEntry("result", "r")
			.containsEntry("error", null);
	}

	@Test
	void aCancelledRowIsFinalForTheClaimAndRowsAreCountedByOwner() {
		String job = UUID.randomUUID().toString();
		String owner = UUID.randomUUID().toString();
		UUID id = claim(job, null, owner, "{}").orElseThrow();
		rows.finish(id, "cancelled", "cancelled");
		assertThat(claim(job, null, owner, "{}")).isEmpty();
		assertThat(row(id)).containsEntry("status", "cancelled");
		claim(UUID.randomUUID().toString(), null, owner, "{}").orElseThrow();
		assertThat(rows.count(owner)).isEqualTo(2);
		assertThat(rows.count(null)).isGreaterThanOrEqualTo(2);
	}

	@Test
	void namesMustBePlainSqlNames() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new JobRows(jdbc, null, "jobs; DROP TABLE jobs"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> rows.reclaimUnless("job_id", "", null, "completed'--"));
	}

	@Test
	void columnsReadAndWriteJsonAndTimes() throws Exception {
		Columns columns = new Columns(new ObjectMapper());
		assertThat(columns.write(Map.of("a", 1))).isEqualTo("{\"a\":1}");
		assertThat(columns.read("{\"a\":1}").path("a").asInt()).isEqualTo(1);
		assertThat(columns.read(null)).isNull();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> columns.read("{nope"))
			.withMessageStartingWith("Stored column is not JSON");
		Instant now = jdbc.sql("SELECT now() AS t").query((rs, n) -> Columns.instant(rs, "t")).single();
		assertThat(now).isBetween(Instant.now().minusSeconds(600), Instant.now().plusSeconds(600));
		assertThat(
				jdbc.sql("SELECT CAST(NULL AS timestamptz) AS t").query((rs, n) -> Columns.instant(rs, "t")).optional())
			.isEmpty();
	}

}
