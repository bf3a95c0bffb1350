package io.physforge.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.cli.PhysforgeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail through the gateway: a user's actions and another address's failed
 * login reach audit-service's query within 2 s; a user reads only their own events; a
 * non-admin gets 403 on the log (and that denial is itself recorded); Redis killed
 * between a change and its relay loses no event; the CLI exports a range that verifies
 * offline, and a tampered copy does not.
 */
@ExtendWith(RunningSuite.class)
class AuditIT {

	private static final Duration WITHIN = Duration.ofSeconds(2);

	private final Api api;

	private final KillableRedis redis;

	AuditIT(Api api, KillableRedis redis) {
		this.api = api;
		this.redis = redis;
	}

	@Test
	void aUsersActionsAndAFailedLoginElsewhereAreQueryableWithinTwoSeconds(@TempDir Path home) {
		String email = Api.uniqueEmail("audited");
		String password = "Audited-" + UUID.randomUUID();
		assertThat(this.api.register(email, password).status()).isEqualTo(201);
		Api.Tokens tokens = this.api.login(email, password);
		String userId = this.api.get("/api/auth/me", tokens.accessToken()).json().path("id").asText();
		Cli cli = new Cli(this.api.gateway().toString(), home.resolve("cli"));
		assertThat(cli.run("login", "--email", email, "--password", password).exit()).isZero();
		Cli.Result upload = cli.run("datasets", "upload", ReferenceData.burgers().toString(), "--output", "json");
		assertThat(upload.exit()).as(upload.toString()).isZero();
		String dataSet = upload.json().path("id").asText();
		Api.Response pipeline = this.api.post("/api/orchestration/pipelines",
				Map.of("datasetId", dataSet, "steps", List.of(Map.of("type", "discovery"))), tokens.accessToken());
		assertThat(pipeline.status()).as(pipeline.toString()).isEqualTo(201);
		String pipelineId = pipeline.json().path("id").asText();
		Api.Response failed = this.api.send(this.api.gateway(), "POST", "/api/auth/login",
				Map.of("email", email, "password", "not-the-password"), null,
				Map.of("X-Forwarded-For", "198.51.100.23"));
		assertThat(failed.status()).isEqualTo(401);

		String admin = this.api.admin().accessToken();
		List<JsonNode> mine = awaitEvents(admin, "actor=" + userId, WITHIN,
				(events) -> has(events, "dataset.upload", dataSet) && has(events, "pipeline.submit", pipelineId)
						&& has(events, "auth.login", userId));
		assertThat(find(mine, "dataset.upload", dataSet).path("outcome").asText()).isEqualTo("success");
		JsonNode login = find(mine, "auth.login", userId);
		assertThat(login.path("event").path("actorRoles").toString()).contains("RESEARCHER");
		assertThat(login.path("event").path("requestId").asText()).isNotBlank();
		List<JsonNode> registered = awaitEvents(admin, "action=auth.register&resourceId=" + userId, WITHIN,
				(events) -> !events.isEmpty());
		assertThat(registered.get(0).path("outcome").asText()).isEqualTo("success");
		List<JsonNode> failures = awaitEvents(admin, "action=auth.login&resourceId=" + userId, WITHIN,
				(events) -> events.stream().anyMatch((e) -> "failed".equals(e.path("outcome").asText())));
		JsonNode failure = failures.stream()
			.filter((e) -> "failed".equals(e.path("outcome").asText()))
			.findFirst()
			.orElseThrow();
		// the client's own X-Forwarded-For is not believed: the gateway forwards its real
		// address
		assertThat(failure.path("event").path("clientAddress").asText()).isNotEqualTo("198.51.100.23")
			.isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(failure.path("event").path("reason").asText()).isNotBlank();
		assertThat(failure.toString()).doesNotContain("not-the-password");
	}

	@Test
	void usersSeeTheirOwnEventsOnlyAndNonAdminsAreRefusedTheLog() {
		Api.Tokens alice = this.api.newUser("audit-alice");
		Api.Tokens bob = this.api.newUser("audit-bob");
		String aliceId = this.api.get("/api/auth/me", alice.accessToken()).json().path("id").asText();
		String bobId = this.api.get("/api/auth/me", bob.accessToken()).json().path("id").asText();

		Api.Response denied = this.api.get("/api/audit/events", alice.accessToken());
		assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
		assertThat(this.api.get("/api/audit/verify", alice.accessToken()).status()).isEqualTo(403);
		assertThat(this.api.get("/api/audit/export", alice.accessToken()).status()).isEqualTo(403);

		List<JsonNode> own = awaitPage("/api/audit/me?size=100", alice.accessToken(), WITHIN,
				(events) -> has(events, "access.denied", null));
		assertThat(own).isNotEmpty().allSatisfy((event) -> assertThat(event.path("actor").asText()).isEqualTo(aliceId));
		assertThat(own.toString()).doesNotContain(bobId);
		List<JsonNode> bobs = awaitPage("/api/audit/me?size=100", bob.accessToken(), WITHIN,
				(events) -> has(events, "auth.login", bobId));
		assertThat(bobs).allSatisfy((event) -> assertThat(event.path("actor").asText()).isEqualTo(bobId));
	}

	@Test
	void redisKilledBetweenAChangeAndItsRelayLosesNoEvent() {
		Api.Tokens user = this.api.newUser("audit-redis");
		String admin = this.api.admin().accessToken();
		List<String> keys = new ArrayList<>();
		this.redis.kill();
		try {
			for (int i = 0; i < 3; i++) {
				Api.Response created = this.api.post("/api/auth/api-keys", Map.of("name", "while-redis-is-down-" + i),
						user.accessToken());
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				keys.add(created.json().path("id").asText());
			}
			// the changes are committed, their events wait in auth-service's outbox
			Api.Response meanwhile = this.api
				.get("/api/audit/events?action=auth.api-key.create&resourceId=" + keys.get(0), admin);
			assertThat(meanwhile.json().path("totalItems").asLong()).as(meanwhile.toString()).isZero();
		}
		finally {
			this.redis.restart();
		}
		for (String key : keys) {
			List<JsonNode> events = awaitEvents(admin, "action=auth.api-key.create&resourceId=" + key,
					Duration.ofSeconds(60), (found) -> !found.isEmpty());
			assertThat(events).as("api key " + key).hasSize(1);
		}
	}

	@Test
	void anExportVerifiesOfflineAndATamperedCopyDoesNot(@TempDir Path home) throws Exception {
		String admin = this.api.admin().accessToken();
		Cli cli = new Cli(this.api.gateway().toString(), home.resolve("cli"));
		assertThat(
				cli.run("login", "--email", RunningSuite.ADMIN_EMAIL, "--password", RunningSuite.ADMIN_PASSWORD).exit())
			.isZero();
		Cli.Result verified = cli.run("audit", "verify");
		assertThat(verified.exit()).as(verified.toString()).isZero();
		assertThat(verified.out()).startsWith("valid: ");
		// a checkpoint covers the log within the checkpoint interval (2 s in this run)
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.api.get("/api/audit/checkpoints", admin).json().path("totalItems").asLong() > 0);
		Path export = home.resolve("audit.jsonl");
		Cli.Result exported = cli.run("audit", "export", "--out", export.toString());
		assertThat(exported.exit()).as(exported.toString()).isZero();
		Path key = home.resolve("audit.pub");
		Files.writeString(key, this.api.get("/api/audit/public-key", admin).json().path("publicKeyPem").asText(),
				StandardCharsets.US_ASCII);

		assertThat(offline(export, key)).startsWith("0 valid: ");

		List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
		int victim = lines.size() / 2;
		while (!lines.get(victim).contains("\"actor\":\"")) {
			victim++;
		}
		lines.set(victim,
				lines.get(victim)
					.replaceFirst("\"outcome\":\"[a-z]+\"", "\"outcome\":\"success\"")
					.replaceFirst("\"actor\":\"[^\"]+\"", "\"actor\":\"someone-else\""));
		Path tampered = home.resolve("tampered.jsonl");
		Files.write(tampered, lines, StandardCharsets.UTF_8);
		assertThat(offline(tampered, key)).startsWith("3 INVALID");
	}

	private static String offline(Path export, Path key) {
		CommandLine command = PhysforgeCommand.commandLine();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(err, true));
		int exit = command.execute("audit", "verify-file", export.toString(), "--public-key", key.toString());
		return exit + " " + out + err;
	}

	private List<JsonNode> awaitEvents(String token, String query, Duration within, Predicate<List<JsonNode>> done) {
		return awaitPage("/api/audit/events?size=100&" + query, token, within, done);
	}

	private List<JsonNode> awaitPage(String path, String token, Duration within, Predicate<List<JsonNode>> done) {
		List<List<JsonNode>> last = new ArrayList<>();
		await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
			Api.Response page = this.api.get(path, token);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			List<JsonNode> items = new ArrayList<>();
			page.json().path("items").forEach(items::add);
			last.clear();
			last.add(items);
			return done.test(items);
		});
		return last.get(0);
	}

	private static boolean has(List<JsonNode> events, String action, String resourceId) {
		return events.stream()
			.anyMatch((e) -> action.equals(e.path("action").asText())
					&& (resourceId == null || resourceId.equals(e.path("resourceId").asText())));
	}

	private static JsonNode find(List<JsonNode> events, String action, String resourceId) {
		return events.stream()
			.filter((e) -> action.equals(e.path("action").asText()) && resourceId.equals(e.path("resourceId").asText()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + action + " of " + resourceId + " in " + events));
	}

}
