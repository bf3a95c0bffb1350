package io.physforge.audit.verify;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.physforge.audit.chain.EventHashes;
import io.physforge.audit.chain.SigningKeys;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.audit.log.AuditEvent;
import io.physforge.audit.log.AuditIngest;
import io.physforge.audit.log.EventFormat;
import io.physforge.audit.log.EventLogRows;
import io.physforge.audit.support.AuditSchema;
import io.physforge.audit.support.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when: a log of 300 events (checkpoints at 100, 200, 300) on the real
 * database, then 1,000 random single mutations, each made as the superuser with the
 * append-only trigger off inside a transaction, checked by {@link ChainVerifier} on that
 * same connection (invalid, the expected first bad seq, a reason) and rolled back; the
 * untouched log verifies before and after.
 */
class AuditTamperTests {

	private static final int EVENTS = 300;

	private static AuditSchema schema;

	private static AuditKeys keys;

	private static ChainVerifier verifier;

	enum Mutation {

		EDIT_EVENT, EDIT_COLUMN, DELETE_ROW, INSERT_ROW, SWAP_ROWS, DUPLICATE_EVENT, TRUNCATE_TAIL, REWRITE_WITHOUT_KEY,
		EDIT_CHECKPOINT

	}

	record Expected(long seq, String reason) {

	}

	@BeforeAll
	static void populate() throws Exception {
		schema = AuditSchema.create().migrate();
		byte[] hmac = new byte[32];
		new Random(1).nextBytes(hmac);
		keys = AuditKeys.of(hmac, SigningKeys.generate());
		EventLogRows rows = new EventLogRows(500);
		AuditIngest ingest = new AuditIngest(schema.writer(), rows, keys, 100, Clock.systemUTC());
		ingest.start();
		for (int batch = 0; batch < 3; batch++) {
			ingest.ingest(Events.batch(EVENTS / 3, UUID.randomUUID().toString()));
		}
		verifier = new ChainVerifier(rows, keys.hashes(), 500);
	}

	@AfterAll
	static void drop() throws SQLException {
		schema.close();
	}

	@Test
	void anUntouchedLogVerifies() throws SQLException {
		try (Connection connection = schema.writer().getConnection()) {
			assertThat(verifier.verify(connection)).isEqualTo(VerifyResult.ok(EVENTS));
		}
		try (Connection connection = schema.superuser();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT array_agg(tree_size ORDER BY tree_size) FROM checkpoint")) {
			rs.next();
			assertThat((Long[]) rs.getArray(1).getArray()).containsExactly(100L, 200L, 300L);
		}
	}

	@Test
	void everyOneOfAThousandRandomMutationsIsFoundAtItsSeq() throws Exception {
		Random random = new Random(20261207);
		Map<Mutation, Integer> counts = new EnumMap<>(Mutation.class);
		try (Connection connection = schema.superuser()) {
			connection.setAutoCommit(false);
			for (int i = 0; i < 1000; i++) {
				Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET LOCAL session_replication_role = replica");
				}
				Expected expected = mutate(connection, mutation, random);
				VerifyResult result = verifier.verify(connection);
				assertThat(result.valid()).as("%s: %s", mutation, result).isFalse();
				assertThat(result.firstBadSeq()).as("%s: %s", mutation, result).isEqualTo(expected.seq());
				assertThat(result.reason()).as("%s", mutation).contains(expected.reason());
				connection.rollback();
				counts.merge(mutation, 1, Integer::sum);
			}
			assertThat(verifier.verify(connection)).isEqualTo(VerifyResult.ok(EVENTS));
		}
		assertThat(counts).hasSize(Mutation.values().length);
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isGreaterThan(70));
	}

	private static Expected mutate(Connection c, Mutation mutation, Random random) throws Exception {
		long s = 1 + random.nextInt(EVENTS);
		switch (mutation) {
			case EDIT_EVENT -> {
				update(c, "UPDATE event_log SET event = replace(event, '10.0.0.7', '10.6.6.6') WHERE seq = ?", s);
				return new Expected(s, "does not hash to its leaf_hash");
			}
			case EDIT_COLUMN -> {
				update(c, "UPDATE event_log SET actor = 'mallory' WHERE seq = ?", s);
				return new Expected(s, "column actor does not match");
			}
			case DELETE_ROW -> {
				update(c, "DELETE FROM event_log WHERE seq = ?", s);
				return new Expected(s, (s < EVENTS) ? "a row was deleted" : "tail was truncated");
			}
			case INSERT_ROW -> {
				long k = 1 + random.nextInt(EVENTS + 1);
				update(c, "UPDATE event_log SET seq = seq + 1000000 WHERE seq >= ?", k);
				update(c, "UPDATE event_log SET seq = seq - 999999 WHERE seq > ?", 1000000);
				AuditEvent event = EventFormat.parse(Events.json(UUID.randomUUID(), "mallory", "dataset.delete"));
				byte[] utf8 = EventHashes.utf8(event.canonical());
				byte[] fake = new byte[32];
				random.nextBytes(fake);
				insert(c, k, event, EventHashes.leafHash(utf8), hashOf(c, k - 1), fake);
				return new Expected(k, "rewritten without the key");
			}
			case SWAP_ROWS -> {
				long j = 1 + random.nextInt(EVENTS);
				while (j == s) {
					j = 1 + random.nextInt(EVENTS);
				}
				long lo = Math.min(s, j);
				long hi = Math.max(s, j);
				update(c, "UPDATE event_log SET seq = 1000000 WHERE seq = ?", lo);
				update(c, "UPDATE event_log SET seq = " + lo + " WHERE seq = ?", hi);
				update(c, "UPDATE event_log SET seq = " + hi + " WHERE seq = ?", 1000000);
				return new Expected(lo, "prev_hash is not the hash of the row before");
			}
			case DUPLICATE_EVENT -> {
				update(c, "ALTER TABLE event_log DROP CONSTRAINT event_log_event_id_key", null);
				AuditEvent copy = EventFormat.parse(eventText(c, s));
				byte[] utf8 = EventHashes.utf8(copy.canonical());
				byte[] prev = hashOf(c, EVENTS);
				// an insider with the key: the chain is perfect, only the duplicate id
				// tells
				insert(c, EVENTS + 1, copy, EventHashes.leafHash(utf8), prev, keys.hashes().link(prev, utf8));
				return new Expected(EVENTS + 1, "is stored twice (first at seq " + s + ")");
			}
			case TRUNCATE_TAIL -> {
				update(c, "DELETE FROM event_log WHERE seq >= ?", s);
				return new Expected(s, "the tail was truncated");
			}
			case REWRITE_WITHOUT_KEY -> {
				String text = eventText(c, s).replace("10.0.0.7", "10.6.6.6");
				byte[] utf8 = EventHashes.utf8(text);
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				sha.update(hashOf(c, s - 1));
				byte[] guessed = sha.digest(utf8);
				try (PreparedStatement statement = c
					.prepareStatement("UPDATE event_log SET event = ?, leaf_hash = ?, hash = ? WHERE seq = ?")) {
					statement.setString(1, text);
					statement.setBytes(2, EventHashes.leafHash(utf8));
					statement.setBytes(3, guessed);
					statement.setLong(4, s);
					statement.executeUpdate();
				}
				return new Expected(s, "rewritten without the key");
			}
			case EDIT_CHECKPOINT -> {
				long size = 100L * (1 + random.nextInt(3));
				String edit = switch (random.nextInt(3)) {
					case 0 -> "root_hash = sha256(root_hash)";
					case 1 -> "created_at = created_at + interval '1 second'";
					default -> "last_chain_hash = sha256(last_chain_hash)";
				};
				update(c, "UPDATE checkpoint SET " + edit + " WHERE tree_size = ?", size);
				return new Expected(size, "signature does not verify");
			}
			default -> throw new IllegalStateException();
		}
	}

	private static void update(Connection c, String sql, Object value) throws SQLException {
		try (PreparedStatement statement = c.prepareStatement(sql)) {
			if (value != null) {
				statement.setLong(1, ((Number) value).longValue());
			}
			statement.executeUpdate();
		}
	}

	private static byte[] hashOf(Connection c, long seq) throws SQLException {
		if (seq == 0) {
			return EventHashes.GENESIS;
		}
		try (PreparedStatement statement = c.prepareStatement("SELECT hash FROM event_log WHERE seq = ?")) {
			statement.setLong(1, seq);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBytes(1);
			}
		}
	}

	private static String eventText(Connection c, long seq) throws SQLException {
		try (PreparedStatement statement = c.prepareStatement("SELECT event FROM event_log WHERE seq = ?")) {
			statement.setLong(1, seq);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private static void insert(Connection c, long seq, AuditEvent event, byte[] leaf, byte[] prev, byte[] hash)
			throws SQLException {
		try (PreparedStatement statement = c.prepareStatement("INSERT INTO event_log (seq, event_id, occurred_at, "
				+ "service, actor, actor_roles, action, resource_type, resource_id, outcome, event, leaf_hash, "
				+ "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			statement.setLong(1, seq);
			statement.setObject(2, event.eventId());
			statement.setTimestamp(3, java.sql.Timestamp.from(event.occurredAt()));
			statement.setString(4, event.service());
			statement.setString(5, event.actor());
			statement.setArray(6, c.createArrayOf("text", event.actorRoles().toArray()));
			statement.setString(7, event.action());
			statement.setString(8, event.resourceType());
			statement.setString(9, event.resourceId());
			statement.setString(10, event.outcome());
			statement.setString(11, event.canonical());
			statement.setBytes(12, leaf);
			statement.setBytes(13, prev);
			statement.setBytes(14, hash);
			statement.executeUpdate();
		}
	}

}
