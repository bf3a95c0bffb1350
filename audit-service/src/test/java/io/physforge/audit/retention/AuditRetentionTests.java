package io.physforge.audit.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.audit.chain.CanonicalJson;
import io.physforge.audit.chain.Checkpoint;
import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.MerkleTree;
import io.physforge.audit.chain.RetentionCheckpoint;
import io.physforge.audit.chain.SigningKeys;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.audit.log.AuditIngest;
import io.physforge.audit.log.EventLogRows;
import io.physforge.audit.support.AuditSchema;
import io.physforge.audit.support.Events;
import io.physforge.audit.verify.ChainVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention on the real database: 100 events older than the retention period and 100
 * recent ones (checkpoints every 50); the old ones are summarised into a signed retention
 * checkpoint and removed, the rest still verifies, proves and grows; no other row can be
 * deleted; an edited summary is found.
 */
class AuditRetentionTests {

	private final AuditSchema schema = AuditSchema.create().migrate();

	private final AuditKeys keys = AuditKeys.of(new byte[32], SigningKeys.generate());

	private final EventLogRows rows = new EventLogRows(100);

	private final ChainVerifier verifier = new ChainVerifier(this.rows, this.keys.hashes(), 100);

	@AfterEach
	void drop() throws SQLException {
		this.schema.close();
	}

	@Test
	void oldEventsAreSummarisedSignedAndOnlyThenRemoved() throws Exception {
		AuditIngest ingest = new AuditIngest(this.schema.writer(), this.rows, this.keys, 50, Clock.systemUTC());
		ingest.start();
		Instant old = Instant.now().minus(Duration.ofDays(40));
		ingest.ingest(Events.batch(50, "old", old));
		ingest.ingest(Events.batch(50, "old", old));
		ingest.ingest(Events.batch(50, "new"));
		ingest.ingest(Events.batch(50, "new"));
		AuditRetention retention = new AuditRetention(this.schema.writer(), this.rows, this.keys, Clock.systemUTC());

		RetentionCheckpoint summary = retention.apply(Instant.now().minus(Duration.ofDays(30))).orElseThrow();
		assertThat(summary.fromSeq()).isEqualTo(1);
		assertThat(summary.toSeq()).isEqualTo(100);
		assertThat(summary.eventCount()).isEqualTo(100);
		assertThat(summary.verify(this.keys.publicKey())).isTrue();
		JsonNode counts = CanonicalJson.parse(summary.actionCounts());
		assertThat(counts.path("auth.login").asLong()).isEqualTo(20);
		long total = 0;
		for (JsonNode count : counts) {
			total += count.asLong();
		}
		assertThat(total).isEqualTo(100);
		assertThat(retention.apply(Instant.now().minus(Duration.ofDays(30)))).isEmpty();

		try (Connection connection = this.schema.writer().getConnection()) {
			assertThat(this.rows.head(connection).seq()).isEqualTo(200);
			assertThat(this.verifier.verify(connection)).isEqualTo(VerifyResult.ok(100));
			connection.setAutoCommit(false);
			Checkpoint latest = this.rows.latestCheckpoint(connection).orElseThrow();
			List<byte[]> path = MerkleTree.inclusionProof(149, 200, this.rows.subtrees(connection));
			byte[][] leaf = new byte[1][];
			this.rows.leaves(connection, 149, 150, (hash) -> leaf[0] = hash);
			assertThat(MerkleTree.verifyInclusion(149, 200, leaf[0], path, latest.rootHash())).isTrue();
			connection.rollback();
			try (Statement statement = connection.createStatement()) {
				assertThatThrownBy(() -> statement.execute("DELETE FROM event_log WHERE seq = 150"))
					.hasMessageContaining("permission denied");
			}
			connection.rollback();
		}
		try (Connection connection = this.schema.superuser(); Statement statement = connection.createStatement()) {
			assertThat(countRows(statement)).isEqualTo(100);
			assertThatThrownBy(() -> statement.execute("DELETE FROM event_log WHERE seq = 150"))
				.hasMessageContaining("not covered by a retention checkpoint");
			assertThatThrownBy(() -> statement.execute("DELETE FROM retention_checkpoint"))
				.hasMessageContaining("append-only");
		}

		AuditIngest restarted = new AuditIngest(this.schema.writer(), this.rows, this.keys, 50, Clock.systemUTC());
		restarted.start();
		assertThat(restarted.treeSize()).isEqualTo(200);
		restarted.ingest(Events.batch(10, "later"));
		try (Connection connection = this.schema.writer().getConnection()) {
			assertThat(this.verifier.verify(connection)).isEqualTo(VerifyResult.ok(110));
		}

		try (Connection connection = this.schema.superuser()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL session_replication_role = replica");
				statement.execute("UPDATE retention_checkpoint SET action_counts = '{}'");
			}
			VerifyResult result = this.verifier.verify(connection);
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBadSeq()).isEqualTo(100);
			assertThat(result.reason()).contains("retention checkpoint of seq 1 to 100");
			connection.rollback();
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL session_replication_role = replica");
				statement
					.execute("INSERT INTO event_log SELECT 42, gen_random_uuid(), occurred_at, recorded_at, service, "
							+ "actor, actor_roles, action, resource_type, resource_id, outcome, event, leaf_hash, prev_hash, "
							+ "hash FROM event_log WHERE seq = 150");
			}
			VerifyResult reinserted = this.verifier.verify(connection);
			assertThat(reinserted.firstBadSeq()).isEqualTo(42);
			assertThat(reinserted.reason()).contains("retention removed seq 1 to 100");
			connection.rollback();
		}
	}

	@Test
	void whenEveryRowIsRemovedTheChainContinuesFromTheSummary() throws Exception {
		AuditIngest ingest = new AuditIngest(this.schema.writer(), this.rows, this.keys, 20, Clock.systemUTC());
		ingest.start();
		ingest.ingest(Events.batch(20, UUID.randomUUID().toString(), Instant.now().minus(Duration.ofDays(9))));
		AuditRetention retention = new AuditRetention(this.schema.writer(), this.rows, this.keys, Clock.systemUTC());
		assertThat(retention.apply(Instant.now().minus(Duration.ofDays(1))).orElseThrow().toSeq()).isEqualTo(20);
		ingest.ingest(Events.batch(5, "after"));
		try (Connection connection = this.schema.writer().getConnection()) {
			assertThat(this.rows.head(connection).seq()).isEqualTo(25);
			assertThat(this.verifier.verify(connection)).isEqualTo(VerifyResult.ok(5));
			assertThat(this.rows.hashAt(connection, 21)).isNotEqualTo(EventHashes.GENESIS);
		}
	}

	private static long countRows(Statement statement) throws SQLException {
		try (var rs = statement.executeQuery("SELECT count(*) FROM event_log")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
