package io.physforge.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.physforge.core.io.DataSets;
import io.physforge.core.io.InvalidDataException;
import io.physforge.suite.infra.S3Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 4's path end to end, through the gateway with the {@code physforge} command in
 * remote mode: log in, upload the PDE-FIND Burgers data set, run discovery and watch it,
 * read {@code u_t = -1.0*u*u_x + 0.1*u_xx}; another user sees none of it; a corrupt
 * upload is refused with the reader's message and leaves nothing; a discovery worker
 * killed in the middle of a job leads to exactly one stored run after a restart.
 */
@ExtendWith(RunningSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

	private final Api api;

	private Cli alice;

	private Cli bob;

	private Api.Tokens aliceTokens;

	private String dataSet;

	private String pipeline;

	PipelineIT(Api api) {
		this.api = api;
	}

	@BeforeAll
	void logIn(@TempDir Path home) {
		this.alice = user(home, "alice");
		this.bob = user(home, "bob");
	}

	private Cli user(Path home, String name) {
		String email = Api.uniqueEmail(name);
		String password = "Pipeline-" + UUID.randomUUID();
		assertThat(this.api.register(email, password).status()).isEqualTo(201);
		Cli cli = new Cli(this.api.gateway().toString(), home.resolve(name));
		Cli.Result login = cli.run("login", "--email", email, "--password", password);
		assertThat(login.exit()).as(login.toString()).isZero();
		assertThat(login.out()).contains("Logged in to " + this.api.gateway());
		if (name.equals("alice")) {
			this.aliceTokens = this.api.login(email, password);
		}
		return cli;
	}

	@Test
	@Order(1)
	void uploadRunWatchAndReadTheEquation() throws Exception {
		Path credentials = this.alice.configDir().resolve("credentials.json");
		assertThat(Files.getPosixFilePermissions(credentials)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);

		Cli.Result upload = this.alice.run("datasets", "upload", ReferenceData.burgers().toString(), "--output",
				"json");
		assertThat(upload.exit()).as(upload.toString()).isZero();
		JsonNode uploaded = upload.json();
		this.dataSet = uploaded.path("id").asText();
		assertThat(uploaded.path("shape").toString()).isEqualTo("[101,256]");
		assertThat(uploaded.path("canonical").path("key").asText()).isNotBlank();

		Cli.Result listed = this.alice.run("datasets", "list");
		assertThat(listed.exit()).as(listed.toString()).isZero();
		assertThat(listed.out()).contains(this.dataSet).contains("HDF5");

		Cli.Result run = assertTimeoutPreemptively(Duration.ofMinutes(3),
				() -> this.alice.run("run", this.dataSet, "--steps", "discovery", "--watch", "--output", "json"));
		assertThat(run.exit()).as(run.toString()).isZero();
		JsonNode ended = run.json();
		this.pipeline = ended.path("id").asText();
		assertThat(ended.path("status").asText()).isEqualTo("completed");
		assertThat(ended.path("jobs").get(0).path("result").path("kind").asText()).isEqualTo("discovery-run");
		// the progress bar went to standard error
		assertThat(run.err()).contains("100%").contains("[##########");

		Cli.Result equations = this.alice.run("equations", "show", this.pipeline, "--output", "json");
		assertThat(equations.exit()).as(equations.toString()).isZero();
		JsonNode runs = equations.json();
		assertThat(runs.size()).isEqualTo(1);
		JsonNode equation = runs.get(0).path("equations").get(0);
		assertThat(equation.path("lhs").asText()).isEqualTo("u_t");
		Map<String, Double> terms = new HashMap<>();
		equation.path("terms").forEach((t) -> terms.put(t.path("term").asText(), t.path("coefficient").asDouble()));
		assertThat(terms).containsOnlyKeys("u*u_x", "u_xx");
		assertThat(terms.get("u*u_x")).isCloseTo(-1.0, within(0.01));
		assertThat(terms.get("u_xx")).isCloseTo(0.1, within(0.001));

		Cli.Result table = this.alice.run("equations", "show", this.pipeline);
		assertThat(table.exit()).as(table.toString()).isZero();
		assertThat(table.out()).containsPattern("u_t = -(0\\.99|1\\.00)\\d*\\*u\\*u_x \\+ 0\\.(099|100)\\d*\\*u_xx");

		Cli.Result pipelines = this.alice.run("pipelines", "list");
		assertThat(pipelines.out()).contains(this.pipeline).contains("completed");
	}

	@Test
	@Order(2)
	void anotherUserCannotSeeOrCancelTheDataSetOrThePipeline() {
		assertThat(this.dataSet).as("set by the first test").isNotNull();
		for (String[] command : new String[][] { { "datasets", "show", this.dataSet },
				{ "datasets", "delete", this.dataSet }, { "run", this.dataSet, "--steps", "discovery" },
				{ "pipelines", "show", this.pipeline }, { "pipelines", "cancel", this.pipeline },
				{ "equations", "show", this.pipeline } }) {
			Cli.Result result = this.bob.run(command);
			assertThat(result.exit()).as(String.join(" ", command) + " -> " + result).isEqualTo(1);
			assertThat(result.err()).as(String.join(" ", command)).contains("HTTP 404");
			assertThat(result.err().strip()).as("one line").doesNotContain("\n");
		}
		assertThat(this.bob.run("datasets", "list").out()).doesNotContain(this.dataSet);
		assertThat(this.bob.run("pipelines", "list").out()).doesNotContain(this.pipeline);
		// still there for its owner
		assertThat(this.alice.run("datasets", "show", this.dataSet).exit()).isZero();
		assertThat(this.alice.run("pipelines", "show", this.pipeline).out()).contains("completed");
	}

	@Test
	@Order(3)
	void aCorruptUploadIsRefusedWithTheReadersMessageAndLeavesNothing(@TempDir Path tmp) throws Exception {
		byte[] burgers = Files.readAllBytes(ReferenceData.burgers());
		Path corrupt = tmp.resolve("burgers-truncated.h5");
		Files.write(corrupt, Arrays.copyOf(burgers, 60_000));
		InvalidDataException expected = (InvalidDataException) org.assertj.core.api.Assertions
			.catchThrowable(() -> DataSets.read(corrupt));
		assertThat(expected).as("the reader refuses the truncated file").isNotNull();

		long before = this.alice.run("datasets", "list", "--output", "json").json().path("totalItems").asLong();
		Map<String, Long> objectsBefore = objects();
		Cli.Result upload = this.alice.run("datasets", "upload", corrupt.toString());
		assertThat(upload.exit()).as(upload.toString()).isEqualTo(1);
		assertThat(upload.err()).contains("HTTP 422").contains(expected.problem()).contains("burgers-truncated.h5");
		assertThat(upload.err().strip()).doesNotContain("\n");

		assertThat(this.alice.run("datasets", "list", "--output", "json").json().path("totalItems").asLong())
			.as("no row")
			.isEqualTo(before);
		Map<String, Long> objectsAfter = objects();
		Set<String> added = new HashSet<>(objectsAfter.keySet());
		added.removeAll(objectsBefore.keySet());
		// other suites may share the S3 server: no new object may be this upload's
		assertThat(added.stream().map(objectsAfter::get)).as("no object").doesNotContain(60_000L);
	}

	@Test
	@Order(4)
	void aDiscoveryWorkerKilledMidJobLeadsToExactlyOneStoredRun() {
		// a 2-D two-field simulation: its discovery runs for seconds, long enough to kill
		Api.Response simulated = this.api.post("/api/data/datasets/simulate",
				Map.of("equation", "reaction-diffusion", "name", "e2e kill test"), this.aliceTokens.accessToken());
		assertThat(simulated.status()).as(simulated.toString()).isEqualTo(201);
		String id = simulated.json().path("id").asText();
		Cli.Result submitted = this.alice.run("run", id, "--steps", "discovery", "--param", "derivative=fd", "--param",
				"maxOrder=3", "--output", "json");
		assertThat(submitted.exit()).as(submitted.toString()).isZero();
		String pipelineId = submitted.json().path("id").asText();

		JsonNode running = awaitJob(pipelineId, "running", Duration.ofMinutes(2));
		this.api.suite().kill("discovery");
		JsonNode afterKill = this.api.get("/api/orchestration/pipelines/" + pipelineId, this.aliceTokens.accessToken())
			.json();
		assertThat(afterKill.path("status").asText()).as("killed before it finished: " + running).isEqualTo("running");
		this.api.suite().restart("discovery");

		Cli.Result watched = assertTimeoutPreemptively(Duration.ofMinutes(4),
				() -> this.alice.run("pipelines", "show", pipelineId, "--watch", "--output", "json"));
		assertThat(watched.exit()).as(watched.toString()).isZero();
		assertThat(watched.json().path("status").asText()).as(watched.toString()).isEqualTo("completed");

		Api.Response runs = this.api.get("/api/discovery/runs/by-pipeline/" + pipelineId,
				this.aliceTokens.accessToken());
		assertThat(runs.status()).as(runs.toString()).isEqualTo(200);
		assertThat(runs.json().size()).as("exactly one stored run: " + runs).isEqualTo(1);
		JsonNode run = runs.json().get(0);
		assertThat(run.path("status").asText()).isEqualTo("completed");
		assertThat(run.path("attempts").asInt()).as("started again after the kill").isEqualTo(2);
		assertThat(run.path("equations").size()).as("one equation per field").isEqualTo(2);
		assertThat(watched.json().path("jobs").get(0).path("result").path("id").asText())
			.isEqualTo(run.path("id").asText());
	}

	@Test
	@Order(5)
	void anApiKeyLogsInAndAnExpiredTokenIsRefreshed(@TempDir Path tmp) throws Exception {
		assertThat(this.dataSet).as("set by the first test").isNotNull();
		Api.Response key = this.api.post("/api/auth/api-keys", Map.of("name", "e2e cli"),
				this.aliceTokens.accessToken());
		assertThat(key.status()).as(key.toString()).isEqualTo(201);
		Cli script = new Cli(this.api.gateway().toString(), tmp.resolve("script"));
		Cli.Result login = script.run("login", "--api-key", key.json().path("key").asText());
		assertThat(login.exit()).as(login.toString()).isZero();
		assertThat(script.run("datasets", "show", this.dataSet).out()).contains(this.dataSet);

		// a kept token past its expiry is refreshed before the call
		Path credentials = this.alice.configDir().resolve("credentials.json");
		JsonNode kept = Api.JSON.readTree(credentials.toFile());
		String server = kept.path("servers").fieldNames().next();
		String oldToken = kept.path("servers").path(server).path("accessToken").asText();
		((com.fasterxml.jackson.databind.node.ObjectNode) kept.path("servers").path(server)).put("expiresAt",
				"1970-01-01T00:00:00Z");
		Api.JSON.writeValue(credentials.toFile(), kept);
		Cli.Result shown = this.alice.run("datasets", "show", this.dataSet);
		assertThat(shown.exit()).as(shown.toString()).isZero();
		JsonNode refreshed = Api.JSON.readTree(credentials.toFile()).path("servers").path(server);
		assertThat(refreshed.path("accessToken").asText()).isNotEqualTo(oldToken);
		assertThat(java.time.Instant.parse(refreshed.path("expiresAt").asText())).isAfter(java.time.Instant.now());
		assertThat(Files.getPosixFilePermissions(credentials)).doesNotContain(PosixFilePermission.GROUP_READ,
				PosixFilePermission.OTHERS_READ);
	}

	@Test
	@Order(6)
	void logoutRevokesTheKeptRefreshTokenAtTheServer() throws Exception {
		Path credentials = this.bob.configDir().resolve("credentials.json");
		JsonNode kept = Api.JSON.readTree(credentials.toFile()).path("servers");
		String server = kept.fieldNames().next();
		String refreshToken = kept.path(server).path("refreshToken").asText();
		assertThat(refreshToken).isNotBlank();

		Cli.Result logout = this.bob.run("logout");
		assertThat(logout.exit()).as(logout.toString()).isZero();
		assertThat(logout.out()).contains("Logged out of " + this.api.gateway()).contains("refresh token revoked");
		assertThat(this.api.refresh(refreshToken).status()).as("the revoked refresh token").isEqualTo(401);
		assertThat(Api.JSON.readTree(credentials.toFile()).path("servers").has(server)).isFalse();
		Cli.Result after = this.bob.run("datasets", "list");
		assertThat(after.exit()).isEqualTo(1);
		assertThat(after.err()).contains("Not logged in to " + this.api.gateway());
	}

	private JsonNode awaitJob(String pipelineId, String status, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		JsonNode pipeline = null;
		while (System.nanoTime() < deadline) {
			pipeline = this.api.get("/api/orchestration/pipelines/" + pipelineId, this.aliceTokens.accessToken())
				.json();
			String now = pipeline.path("jobs").get(0).path("status").asText();
			if (now.equals(status)) {
				return pipeline;
			}
			assertThat(now).as("job of " + pipelineId + " ended before it was seen " + status)
				.isIn("queued", "running");
			sleepMillis(50);
		}
		throw new AssertionError("job of " + pipelineId + " not " + status + " after " + timeout + ": " + pipeline);
	}

	private Map<String, Long> objects() throws Exception {
		S3Endpoint s3 = this.api.suite().s3();
		MinioClient client = MinioClient.builder()
			.endpoint(s3.endpoint().toString())
			.credentials(s3.accessKey(), s3.secretKey())
			.build();
		Map<String, Long> sizes = new HashMap<>();
		for (Result<Item> item : client
			.listObjects(ListObjectsArgs.builder().bucket("datasets").recursive(true).build())) {
			sizes.put(item.get().objectName(), item.get().size());
		}
		return sizes;
	}

	private static void sleepMillis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
