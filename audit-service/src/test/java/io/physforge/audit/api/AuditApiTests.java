package io.physforge.audit.api;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.audit.chain.ExportVerifier;
import io.physforge.audit.chain.MerkleTree;
import io.physforge.audit.chain.SigningKeys;
import io.physforge.audit.chain.VerifyResult;
import io.physforge.audit.log.AuditIngest;
import io.physforge.audit.log.MalformedEntryException;
import io.physforge.audit.log.RawEntry;
import io.physforge.audit.support.Events;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.TestDatabase;
import io.physforge.platform.testing.TestJwks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * audit-service on the real database in a schema of its own: ingest (once per event id,
 * malformed refused with nothing stored), the append-only guarantees of the database, and
 * the REST API with real tokens (403 for non-auditors, own events only at /me, inclusion
 * proofs, verify, an export checked offline with the published key).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTests {

	private static final String SCHEMA = "audit_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final String STREAM = "pf:audit:test-" + SCHEMA;

	@LocalServerPort
	private int port;

	@Autowired
	private AuditIngest ingest;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private UnifiedJedis redis;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		TestDatabase.register(registry);
		TestJwks.shared().register(registry);
		Path keys = Files.createTempDirectory("audit-keys");
		registry.add("spring.flyway.default-schema", () -> SCHEMA);
		registry.add("physforge.audit.stream", () -> STREAM);
		registry.add("physforge.audit.key-dir", keys::toString);
		registry.add("physforge.audit.checkpoint-every", () -> "1000");
		registry.add("physforge.audit.checkpoint-interval", () -> "1h");
	}

	@AfterAll
	static void dropSchema() throws SQLException {

		try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	private static Connection superuser() throws SQLException {
		return DriverManager.getConnection(TestDatabase.url(), System.getenv().getOrDefault("PF_DB_USER", "postgres"),
				System.getenv().getOrDefault("PF_DB_PASSWORD", ""));
	}

	private long countOf(String actor) {
		return new JdbcTemplate(this.dataSource).queryForObject("SELECT count(*) FROM event_log WHERE actor = ?",
				Long.class, actor);
	}

	private long lastSeqOf(String actor) {
		return new JdbcTemplate(this.dataSource).queryForObject("SELECT max(seq) FROM event_log WHERE actor = ?",
				Long.class, actor);
	}

	private long count() {
		return new JdbcTemplate(this.dataSource).queryForObject("SELECT count(*) FROM event_log", Long.class);
	}

	private Http http() {
		return Http.local(this.port);
	}

	private static String token(String subject, String... roles) {
		return TestJwks.shared().token(subject, roles);
	}

	@Test
	void eventsOnTheStreamAreStoredOnceAndAMalformedOneIsDeadLettered() {
		UUID eventId = UUID.randomUUID();
		String event = Events.json(eventId, "u-stream", "dataset.upload");
		this.redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(RawEntry.EVENT_FIELD, event));
		this.redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(RawEntry.EVENT_FIELD, "{\"eventId\":\"not json"));
		this.redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(RawEntry.EVENT_FIELD, event));
		String later = Events.json(UUID.randomUUID(), "u-stream", "dataset.delete");
		this.redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of(RawEntry.EVENT_FIELD, later));
		await().atMost(Duration.ofSeconds(10)).until(() -> countOf("u-stream") == 2);
		List<StreamEntry> dead = this.redis.xrange(STREAM + ":dead", "-", "+");
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0).getFields().get("error")).contains("malformed audit event");
		// acknowledged entries are deleted: the stream's length is the backlog
		await().atMost(Duration.ofSeconds(10)).until(() -> this.redis.xlen(STREAM) == 0);
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT count(*) FROM event_log WHERE event_id = ?",
				Long.class, eventId))
			.isEqualTo(1);
		this.redis.del(STREAM + ":dead", STREAM + ":errors");
	}

	@Test
	void anEventAsThePlatformWritesItIsStoredWithEveryMember() {
		AuditEvent event = AuditEvent.builder("dataset.upload", "dataset")
			.service("data-service")
			.actor("u-contract", List.of("RESEARCHER", "ADMIN"))
			.request("req-1", "203.0.113.4")
			.resourceId(UUID.randomUUID())
			.failed("the reader refused it: truncated HDF5")
			.details(Map.of("bytes", 1234, "format", "hdf5"))
			.build();
		this.ingest.ingest(List.of(new RawEntry("1-1", Map.of(RawEntry.EVENT_FIELD, event.toJson()))));
		JsonNode stored = Http.local(this.port)
			.get("/api/audit/events?actor=u-contract", token("a", "AUDITOR"))
			.json()
			.path("items")
			.path(0)
			.path("event");
		assertThat(stored.path("eventId").asText()).isEqualTo(event.eventId().toString());
		assertThat(stored.path("actorRoles").toString()).isEqualTo("[\"ADMIN\",\"RESEARCHER\"]");
		assertThat(stored.path("clientAddress").asText()).isEqualTo("203.0.113.4");
		assertThat(stored.path("outcome").asText()).isEqualTo("failed");
		assertThat(stored.path("reason").asText()).contains("truncated HDF5");
		assertThat(stored.path("detailsHash").asText()).hasSize(64);
	}

	@Test
	void readingTheLogIsItselfAuditedInTheSameChain() {
		String auditor = "auditor-" + UUID.randomUUID();
		assertThat(http().get("/api/audit/events?action=dataset.delete", token(auditor, "AUDITOR")).status())
			.isEqualTo(200);
		assertThat(http().get("/api/audit/verify", token(auditor, "AUDITOR")).status()).isEqualTo(200);
		// recorded in this service's outbox, relayed to the stream, consumed into the log
		await().atMost(Duration.ofSeconds(10))
			.until(() -> new JdbcTemplate(this.dataSource).queryForObject(
					"SELECT count(*) FROM event_log WHERE actor = ? AND action IN ('audit.query', 'audit.verify')",
					Long.class, auditor) == 2);
	}

	@Test
	void anEventIdSeenTwiceIsStoredOnce() {
		String actor = UUID.randomUUID().toString();
		List<RawEntry> batch = new ArrayList<>(Events.batch(5, actor));
		batch.add(batch.get(2));
		this.ingest.ingest(batch);
		this.ingest.ingest(batch.subList(0, 3));
		// counted by actor: reads of other tests are recorded into the same log meanwhile
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT count(*) FROM event_log WHERE actor = ?",
				Long.class, actor))
			.isEqualTo(5);
	}

	@Test
	void aMalformedEntryIsRefusedByNameAndNothingOfItsBatchIsStored() {
		UUID goodId = UUID.randomUUID();
		String good = Events.json(goodId, "u1", "dataset.upload");
		List<String> malformed = List.of(good.replace("\"actor\":\"u1\",", ""),
				good.replace("\"outcome\":\"success\"", "\"outcome\":\"maybe\""),
				good.replace("\"actorRoles\":[\"RESEARCHER\"]", "\"actorRoles\":\"RESEARCHER\""),
				good.replace("\"note\":", "\"ratio\":0.5,\"note\":"), "not json", good.replace("}", ""));
		for (String json : malformed) {
			RawEntry bad = new RawEntry("1733-7", java.util.Map.of(RawEntry.EVENT_FIELD, json));
			assertThatExceptionOfType(MalformedEntryException.class)
				.isThrownBy(() -> this.ingest.ingest(List.of(Events.entry(good), bad)))
				.withMessageContaining("audit stream entry 1733-7 is not a valid audit event")
				.satisfies((ex) -> assertThat(ex.entryId()).isEqualTo("1733-7"));
		}
		// counted by id: reads of other tests are recorded into the same log meanwhile
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT count(*) FROM event_log WHERE event_id = ?",
				Long.class, goodId))
			.isZero();
	}

	@Test
	void theServiceRoleCannotChangeOrRemoveRowsAndTheTriggerStopsEvenASuperuser() throws SQLException {
		this.ingest.ingest(Events.batch(2, "someone"));
		for (String sql : List.of("UPDATE event_log SET actor = 'x'", "DELETE FROM event_log", "TRUNCATE event_log",
				"UPDATE checkpoint SET key_id = 'x'", "DELETE FROM checkpoint")) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				assertThatThrownBy(() -> statement.execute(sql)).as(sql)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("permission denied");
			}
		}
		try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
			connection.setSchema(SCHEMA);
			for (String sql : List.of("UPDATE event_log SET actor = 'x'", "DELETE FROM event_log", "TRUNCATE event_log",
					"UPDATE checkpoint SET key_id = 'x'")) {
				assertThatThrownBy(() -> statement.execute(sql)).as(sql)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("the audit log is append-only");
			}
		}
	}

	@Test
	void onlyAdminsAndAuditorsReadTheLogAndEveryoneReadsTheirOwn() {
		String alice = UUID.randomUUID().toString();
		String bob = UUID.randomUUID().toString();
		this.ingest.ingest(Events.batch(3, alice));
		this.ingest.ingest(Events.batch(2, bob));
		String researcher = token(alice, "RESEARCHER");
		for (String path : List.of("/api/audit/events", "/api/audit/events/1", "/api/audit/verify",
				"/api/audit/checkpoints", "/api/audit/export")) {
			Http.Response response = http().get(path, researcher);
			assertThat(response.status()).as(path + " " + response).isEqualTo(403);
			assertThat(http().get(path, null).status()).isEqualTo(401);
		}
		Http.Response mine = http().get("/api/audit/me?size=100", researcher);
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		// alice's own 403s above are recorded too (access.denied), as they reach the log
		List<String> actions = new ArrayList<>();
		mine.json().path("items").forEach((item) -> {
			assertThat(item.path("actor").asText()).isEqualTo(alice);
			actions.add(item.path("action").asText());
		});
		assertThat(actions.stream().filter((action) -> !action.equals("access.denied"))).hasSize(3);

		Http.Response bobs = http().get("/api/audit/events?actor=" + bob, token("a", "AUDITOR"));
		assertThat(bobs.status()).as(bobs.toString()).isEqualTo(200);
		assertThat(bobs.json().path("totalItems").asLong()).isEqualTo(2);
		assertThat(bobs.json().path("items").get(0).path("event").path("actor").asText()).isEqualTo(bob);
		Http.Response byAction = http().get("/api/audit/events?actor=" + alice + "&action=dataset.upload",
				token("a", "ADMIN"));
		assertThat(byAction.json().path("totalItems").asLong()).isEqualTo(1);
		assertThat(http().get("/api/audit/events?size=500", token("a", "ADMIN")).status()).isEqualTo(400);
	}

	@Test
	void anEventComesWithAnInclusionProofOnceACheckpointCoversIt() {
		String prover = "prover-" + UUID.randomUUID();
		String late = "late-" + UUID.randomUUID();
		this.ingest.ingest(Events.batch(4, prover));
		long seq = lastSeqOf(prover);
		String auditor = token("a", "AUDITOR");
		this.ingest.checkpointNow();
		this.ingest.ingest(Events.batch(1, late));
		Http.Response uncovered = http().get("/api/audit/events/" + lastSeqOf(late), auditor);
		assertThat(uncovered.status()).as(uncovered.toString()).isEqualTo(200);
		assertThat(uncovered.json().path("proof").path("unavailable").asText()).contains("No checkpoint covers seq");

		Http.Response response = http().get("/api/audit/events/" + seq, auditor);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode proof = response.json().path("proof");
		long size = proof.path("checkpoint").path("treeSize").asLong();
		assertThat(size).isGreaterThanOrEqualTo(seq);
		List<byte[]> path = new ArrayList<>();
		proof.path("hashes").forEach((hash) -> path.add(HexFormat.of().parseHex(hash.asText())));
		byte[] leaf = HexFormat.of().parseHex(response.json().path("event").path("leafHash").asText());
		byte[] root = HexFormat.of().parseHex(proof.path("checkpoint").path("rootHash").asText());
		assertThat(MerkleTree.verifyInclusion(seq - 1, size, leaf, path, root)).isTrue();
		assertThat(http().get("/api/audit/events/999999", auditor).status()).isEqualTo(404);
	}

	@Test
	void verifyAndAnExportCheckedOfflineWithThePublishedKey() {
		this.ingest.ingest(Events.batch(6, "exporter"));
		this.ingest.checkpointNow();
		String admin = token(UUID.randomUUID().toString(), "ADMIN");
		long stored = count();
		Http.Response verify = http().get("/api/audit/verify", admin);
		assertThat(verify.status()).as(verify.toString()).isEqualTo(200);
		assertThat(verify.json().path("valid").asBoolean()).as(verify.toString()).isTrue();
		// the reads of this class are recorded into the same log as they arrive
		assertThat(verify.json().path("checked").asLong()).isGreaterThanOrEqualTo(stored);

		Http.Response key = http().get("/api/audit/public-key", token("u", "VIEWER"));
		assertThat(key.status()).isEqualTo(200);
		ExportVerifier offline = new ExportVerifier(SigningKeys.publicKey(key.json().path("publicKeyPem").asText()));
		long last = http().get("/api/audit/checkpoints", admin).json().path("items").get(0).path("treeSize").asLong();
		assertThat(last).isGreaterThanOrEqualTo(stored);
		Http.Response export = http().get("/api/audit/export?from=2&to=" + last, admin);
		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
		assertThat(offline.verify(new StringReader(export.body()))).isEqualTo(VerifyResult.ok(last - 1));
		String edited = export.body().replace("\"actor\":\"exporter\"", "\"actor\":\"mallory\"");
		assertThat(offline.verify(new StringReader(edited)).valid()).isFalse();

		assertThat(http().get("/api/audit/export?from=1&to=" + (count() + 1000), admin).status()).isEqualTo(400);
	}

}
