package io.physforge.pinntraining;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.core.simulate.SimulationSettings;
import io.physforge.core.simulate.Simulations;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.physforge.pinn.PinnModel;
import io.physforge.pinntraining.worker.PinnJobHandler;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.testing.AuditStream;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.JobStreams;
import io.physforge.platform.testing.StubDataService;
import io.physforge.platform.testing.TestDataSets;
import io.physforge.platform.testing.TestJobs;
import io.physforge.platform.testing.TestJwks;
import io.physforge.platform.testing.TestServers;
import io.physforge.platform.testing.WorkerServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.physforge.platform.testing.TestJobs.ids;
import static io.physforge.platform.testing.TestJobs.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training API and worker on real PostgreSQL ({@code physforge_test}), Redis, S3 and
 * HTTP: jobs are submitted with {@code POST /api/pinn/jobs} (data sets looked up in
 * {@link StubDataService}) or published to this JVM's own stream in the orchestrator's
 * payload format; the data is a small simulated Burgers data set ({@code u(t, x)} on 21 x
 * 64 points) stored as a canonical form in bucket {@code datasets}. Networks are tiny
 * (2x16, a few dozen steps on 100 points) so that a training takes seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PinnTrainingServiceTests extends WorkerServiceTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private PinnJobHandler handler;

	@Autowired
	private MinioClient minio;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@AfterAll
	static void removeStream() {
		TestJobs.removeStream(TestInfrastructure.STREAM);
	}

	@Test
	void trainsASubmittedJobAndShowsItToItsOwnerOnly() throws IOException {
		Http http = Http.local(this.port);
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		UUID dataset = dataset(aliceToken);
		JobStreams events = new JobStreams(this.redis);
		ObjectNode settings = tiny();
		settings.put("noise", 0.05);
		Http.Response submitted = http.post("/api/pinn/jobs", aliceToken,
				Map.of("datasetId", dataset.toString(), "settings", settings));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		String jobId = submitted.json().path("id").asText();
		assertThat(submitted.header("Location")).isEqualTo("/api/pinn/jobs/" + jobId);
		assertThat(submitted.json().path("status").asText()).isIn("queued", "running");
		assertThat(submitted.json().path("source").asText()).isEqualTo("api");
		assertThat(submitted.json().path("settings").path("hiddenLayers").toString()).isEqualTo("[16,16]");
		assertThat(submitted.json().path("settings").path("noise").asDouble()).isEqualTo(0.05);

		JobEvent completed = events.await(jobId, TestJobs::completedWithResult, 1, TIMEOUT).get(0);
		JsonNode ref = parse(completed.message());
		assertThat(ref.path("kind").asText()).isEqualTo("pinn-model");
		String modelId = ref.path("id").asText();
		assertThat(ref.path("location").asText()).startsWith("s3://models/");
		assertThat(ref.path("summary").path("coefficients").has("c1")).isTrue();
		assertThat(ref.path("summary").path("coefficients").has("c2")).isTrue();
		assertThat(ref.path("summary").path("losses").path("total").isNumber()).isTrue();
		// the loss curve reaches the orchestrator as progress events
		List<JobEvent> progress = events.events(jobId)
			.stream()
			.filter((e) -> e.kind() == JobEvent.Kind.PROGRESS && e.message() != null && e.message().contains(": loss "))
			.toList();
		assertThat(progress).hasSizeGreaterThanOrEqualTo(2);
		assertThat(progress.get(progress.size() - 1).message()).contains("c1=").contains("c2=");
		assertThat(progress.get(progress.size() - 1).fraction()).isGreaterThan(progress.get(0).fraction());

		Http.Response shown = http.get("/api/pinn/jobs/" + jobId, aliceToken);
		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		JsonNode job = shown.json();
		assertThat(job.path("status").asText()).isEqualTo("completed");
		assertThat(job.path("datasetId").asText()).isEqualTo(dataset.toString());
		assertThat(job.path("modelId").asText()).isEqualTo(modelId);
		assertThat(job.path("epochsRun").asInt()).isBetween(1, 35);
		assertThat(job.path("losses").path("total").asDouble()).isPositive();
		assertThat(job.path("losses").path("pde").isNumber()).isTrue();
		assertThat(job.path("logsLocation").asText()).startsWith("s3://models/");
		assertThat(job.path("provenance").path("noise").path("level").asDouble()).isEqualTo(0.05);
		assertThat(job.path("provenance").path("noise").path("seed").asLong()).isEqualTo(3);
		assertThat(job.path("provenance").path("input").asText()).contains(dataset.toString()).contains(burgersKey());
		assertThat(job.path("provenance").path("inputSha256").asText()).hasSize(64);

		Http.Response status = http.get("/api/pinn/jobs/" + jobId + "/status", aliceToken);
		assertThat(status.json().path("status").asText()).isEqualTo("completed");
		assertThat(status.json().path("progress").asDouble()).isEqualTo(1.0);
		assertThat(status.json().path("lastProgress").path("coefficients").has("c1")).isTrue();

		Http.Response result = http.get("/api/pinn/jobs/" + jobId + "/result", aliceToken);
		assertThat(result.status()).as(result.toString()).isEqualTo(200);
		JsonNode found = result.json();
		assertThat(found.path("modelId").asText()).isEqualTo(modelId);
		assertThat(found.path("coefficients").path("c1").asDouble())
			.isEqualTo(ref.path("summary").path("coefficients").path("c1").asDouble());
		assertThat(found.path("equation").asText()).startsWith("u_t = ");
		assertThat(found.path("lossCurve").size()).isGreaterThanOrEqualTo(3);
		assertThat(found.path("lossCurve").get(0).path("losses").has("pde")).isTrue();
		assertThat(found.path("losses").path("total").asDouble())
			.isEqualTo(job.path("losses").path("total").asDouble());

		Http.Response model = http.get("/api/pinn/models/" + modelId, aliceToken);
		assertThat(model.status()).as(model.toString()).isEqualTo(200);
		assertThat(model.json().path("jobId").asText()).isEqualTo(jobId);
		assertThat(model.json().path("location").asText()).isEqualTo(ref.path("location").asText());
		assertThat(model.json().path("download").asText()).isEqualTo("/api/pinn/models/" + modelId + "/checkpoint");
		assertThat(model.json().has("objectKey")).isFalse();
		assertThat(model.json().path("architecture").path("hiddenLayers").toString()).isEqualTo("[16,16]");
		assertThat(model.json().path("architecture").path("inputs").toString()).isEqualTo("[\"t\",\"x\"]");
		assertThat(model.json().path("metrics").path("coefficients").path("c2").asDouble())
			.isEqualTo(found.path("coefficients").path("c2").asDouble());

		Http.Response download = http.get("/api/pinn/models/" + modelId + "/checkpoint", aliceToken);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Disposition")).contains("pinn-model-" + modelId + ".json");
		PinnModel loaded = PinnModel.load(new ByteArrayInputStream(download.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(loaded.coefficients().get("c1")).isEqualTo(found.path("coefficients").path("c1").asDouble());
		assertThat(loaded.outputs()).containsExactly("u");
		double[] u = loaded.evaluate(List.of("u", "u_x"), new double[][] { { 1.0, 0.5 } }).get("u");
		assertThat(u[0]).isFinite();
		String key = ref.path("location").asText().substring("s3://models/".length());
		try (InputStream in = this.storage.get("models", key)) {
			assertThat(PinnModel.load(in).parameterCount()).isEqualTo(loaded.parameterCount());
		}

		String bobToken = TestJwks.shared().token(this.bob, "RESEARCHER");
		for (String path : List.of("/api/pinn/jobs/" + jobId, "/api/pinn/jobs/" + jobId + "/status",
				"/api/pinn/jobs/" + jobId + "/result", "/api/pinn/models/" + modelId,
				"/api/pinn/models/" + modelId + "/checkpoint")) {
			assertThat(http.get(path, bobToken).status()).as(path).isEqualTo(404);
		}
		assertThat(http.post("/api/pinn/jobs/" + jobId + "/cancel", bobToken, "{}").status()).isEqualTo(404);
		assertThat(http.get("/api/pinn/jobs/" + jobId, bobToken).json().path("type").asText())
			.isEqualTo("https://physforge.dev/problems/pinn-job-not-found");
		assertThat(ids(http.get("/api/pinn/jobs?size=100", bobToken).json().path("items"))).doesNotContain(jobId);
		assertThat(http.get("/api/pinn/models", bobToken).json().path("totalItems").asLong()).isZero();
		assertThat(http.get("/api/pinn/jobs/" + jobId, TestJwks.shared().token(this.bob, "ADMIN")).status())
			.isEqualTo(200);
		assertThat(http.get("/api/pinn/jobs/" + jobId, null).status()).isEqualTo(401);
		JsonNode list = http.get("/api/pinn/jobs?page=0&size=100", aliceToken).json();
		assertThat(ids(list.path("items"))).contains(jobId);
		assertThat(http.get("/api/pinn/jobs?size=0", aliceToken).status()).isEqualTo(400);
		assertThat(http.post("/api/pinn/jobs/" + jobId + "/cancel", aliceToken, "{}").status()).isEqualTo(409);
		try (AuditStream audit = AuditStream.ofThisJvm(TestServers.infra().redis().url().toString())) {
			JsonNode submit = audit.await("pinn.job.submit", jobId);
			assertThat(submit.path("actor").asText()).isEqualTo(this.alice);
			assertThat(submit.path("resourceType").asText()).isEqualTo("pinn-job");
			JsonNode created = audit.await("pinn.model.create", modelId);
			assertThat(created.path("actor").asText()).isEqualTo("system");
			assertThat(created.path("resourceType").asText()).isEqualTo("pinn-model");
		}
	}

	@Test
	void invalidRequestsReportEveryFieldAndStoreNothing() {
		Http http = Http.local(this.port);
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		int lookups = TestInfrastructure.DATA.lookups();
		Http.Response invalid = http.post("/api/pinn/jobs", aliceToken,
				"{\"settings\":{\"layers\":\"4y32\",\"epochs\":-1,\"learningRate\":\"fast\","
						+ "\"colocationPoints\":5,\"noise\":2,\"seed\":1.5}}");
		assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
		assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
		assertThat(invalid.json().path("type").asText()).isEqualTo("https://physforge.dev/problems/validation");
		List<String> fields = new ArrayList<>();
		invalid.json().path("errors").forEach((e) -> fields.add(e.path("field").asText()));
		assertThat(fields).contains("datasetId", "settings.layers", "settings.epochs", "settings.learningRate",
				"settings.colocationPoints", "settings.noise", "settings.seed");
		assertThat(invalid.json().path("detail").asText()).contains("4y32");
		assertThat(TestInfrastructure.DATA.lookups()).as("nothing is looked up for an invalid request")
			.isEqualTo(lookups);

		UUID dataset = dataset(aliceToken);
		ObjectNode settings = tiny();
		settings.put("pde", "w_t = c1*w_xx");
		Http.Response badPde = http.post("/api/pinn/jobs", aliceToken,
				Map.of("datasetId", dataset.toString(), "settings", settings));
		assertThat(badPde.status()).as(badPde.toString()).isEqualTo(400);
		assertThat(badPde.json().path("errors").get(0).path("field").asText()).isEqualTo("settings.pde");
		assertThat(badPde.json().path("detail").asText()).contains("[u]");

		Http.Response otherData = http.post("/api/pinn/jobs", aliceToken,
				Map.of("datasetId", UUID.randomUUID().toString(), "settings", tiny()));
		assertThat(otherData.status()).as(otherData.toString()).isEqualTo(404);

		Http.Response viewer = http.post("/api/pinn/jobs", TestJwks.shared().token(this.alice, "VIEWER"),
				Map.of("datasetId", dataset.toString(), "settings", tiny()));
		assertThat(viewer.status()).as(viewer.toString()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM pinn_training_job WHERE owner_id = :owner")
			.param("owner", this.alice)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void cancellingARunningTrainingStopsItWithinSeconds() {
		Http http = Http.local(this.port);
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		UUID dataset = dataset(aliceToken);
		JobStreams events = new JobStreams(this.redis);
		ObjectNode settings = tiny();
		settings.put("epochs", 1_000_000);
		settings.put("progressEvery", 5);
		String jobId = http
			.post("/api/pinn/jobs", aliceToken, Map.of("datasetId", dataset.toString(), "settings", settings))
			.json()
			.path("id")
			.asText();
		events.await(jobId,
				(e) -> e.kind() == JobEvent.Kind.PROGRESS && e.message() != null && e.message().startsWith("adam "), 1,
				TIMEOUT);
		assertThat(http.get("/api/pinn/jobs/" + jobId + "/status", TestJwks.shared().token(this.alice, "VIEWER"))
			.json()
			.path("status")
			.asText()).isEqualTo("running");
		assertThat(http.post("/api/pinn/jobs/" + jobId + "/cancel", TestJwks.shared().token(this.alice, "VIEWER"), "{}")
			.status()).isEqualTo(403);

		long start = System.nanoTime();
		Http.Response cancel = http.post("/api/pinn/jobs/" + jobId + "/cancel", aliceToken, "{}");
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
		assertThat(cancel.json().path("cancelRequestedAt").isTextual()).isTrue();
		events.await(jobId, (e) -> e.kind() == JobEvent.Kind.CANCELLED, 1, Duration.ofSeconds(30));
		String status = http.get("/api/pinn/jobs/" + jobId, aliceToken).json().path("status").asText();
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(status).isEqualTo("cancelled");
		assertThat(seconds).as("seconds from cancel to a stopped training").isLessThan(10);
		System.out.printf("PINN training stopped %.2f s after the cancel%n", seconds);
		assertThat(events.events(jobId)).noneMatch((e) -> e.kind() == JobEvent.Kind.COMPLETED);
		try (AuditStream audit = AuditStream.ofThisJvm(TestServers.infra().redis().url().toString())) {
			assertThat(audit.await("pinn.job.cancel", jobId).path("actor").asText()).isEqualTo(this.alice);
			assertThat(audit.await("pinn.job.cancelled", jobId).path("actor").asText()).isEqualTo("system");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM model_checkpoint WHERE job_id = :job")
			.param("job", UUID.fromString(jobId))
			.query(Long.class)
			.single()).isZero();
		assertThat(http.get("/api/pinn/jobs/" + jobId + "/result", aliceToken).status()).isEqualTo(409);
	}

	@Test
	void aRedeliveredPipelineJobStoresOneModel() {
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		dataset(aliceToken);
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		UUID pipelineId = UUID.randomUUID();
		String payload = payload(jobId, pipelineId, burgersKey(), tiny().toString());
		JobMessage first = publish(jobId, jobId + ":1", payload);
		JsonNode ref = parse(events.await(jobId, TestJobs::completedWithResult, 1, TIMEOUT).get(0).message());

		// the orchestrator retries the job (new idempotency key): the stored model is
		// reported again
		publish(jobId, jobId + ":2", payload);
		List<JobEvent> results = events.await(jobId, TestJobs::completedWithResult, 2, TIMEOUT);
		assertThat(parse(results.get(1).message())).isEqualTo(ref);
		// Redis delivers the first message again after completion: the completion ledger
		// acknowledges it without running the handler
		this.redis.xadd(TestInfrastructure.STREAM, StreamEntryID.NEW_ENTRY, first.toFields());
		events.await(jobId, (e) -> e.kind() == JobEvent.Kind.COMPLETED, 3, TIMEOUT);

		Map<String, Object> row = this.jdbc
			.sql("SELECT status, attempts, source, pipeline_id, step_id FROM pinn_training_job WHERE id = :id")
			.param("id", UUID.fromString(jobId))
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("completed");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("source")).isEqualTo("pipeline");
		assertThat(row.get("pipeline_id")).isEqualTo(pipelineId);
		assertThat(row.get("step_id")).isEqualTo("pinn");
		assertThat(this.jdbc.sql("SELECT count(*) FROM model_checkpoint WHERE job_id = :job")
			.param("job", UUID.fromString(jobId))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(Http.local(this.port)
			.get("/api/pinn/jobs/" + jobId, TestJwks.shared().token(this.alice, "VIEWER"))
			.json()
			.path("modelId")
			.asText()).isEqualTo(ref.path("id").asText());
	}

	@Test
	void concurrentDeliveriesOfOneJobStoreOneModelAndLeaveNoOrphanObjects() throws Exception {
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		dataset(aliceToken);
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		String payload = payload(jobId, UUID.randomUUID(), burgersKey(), tiny().toString());
		ZonedDateTime start = ZonedDateTime.now().minusSeconds(5);
		TestJobs.deliverConcurrently(this.handler, jobId, "pinn", payload, 2, Duration.ofSeconds(120));
		List<JobEvent> results = events.await(jobId, TestJobs::completedWithResult, 2, TIMEOUT);
		assertThat(parse(results.get(0).message())).isEqualTo(parse(results.get(1).message()));
		assertThat(this.jdbc.sql("SELECT count(*) FROM model_checkpoint WHERE job_id = :job")
			.param("job", UUID.fromString(jobId))
			.query(Long.class)
			.single()).isEqualTo(1);
		// the delivery that lost the race deleted its checkpoint and loss history: one
		// loss history of this job is left in bucket models
		int histories = 0;
		for (Result<Item> listed : this.minio
			.listObjects(ListObjectsArgs.builder().bucket("models").recursive(true).build())) {
			Item item = listed.get();
			if (item.lastModified().isBefore(start)) {
				continue;
			}
			try (InputStream in = this.storage.get("models", item.objectName())) {
				JsonNode stored = JSON.readTree(in);
				if (jobId.equals(stored.path("jobId").asText())) {
					histories++;
				}
			}
		}
		assertThat(histories).isEqualTo(1);
	}

	@Test
	void unusableJobsFailPermanentlyWithTheReasonStoredOnTheJob() {
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		dataset(aliceToken);
		String garbage = this.storage
			.put("datasets",
					new ByteArrayInputStream("t,x,u\nthis is not a data set\n".getBytes(StandardCharsets.UTF_8)), -1,
					"application/octet-stream")
			.key();
		List<String[]> cases = List.of(new String[] { garbage, tiny().toString(), "is CSV text, not a canonical form" },
				new String[] { UUID.randomUUID().toString(), tiny().toString(), "does not exist in storage" },
				new String[] { null, tiny().toString(), "'datasetObjectKey'" },
				new String[] { burgersKey(), "{\"epochs\":\"many\",\"layer\":3}", "epochs must be an integer" },
				new String[] { burgersKey(), tiny().put("pde", "u_t c1*u_xx").toString(), "needs exactly one '='" });
		JobStreams events = new JobStreams(this.redis);
		List<String> jobs = new ArrayList<>();
		for (String[] c : cases) {
			String jobId = UUID.randomUUID().toString();
			publish(jobId, null, payload(jobId, null, c[0], c[1]));
			jobs.add(jobId);
		}
		int i = 0;
		for (String[] c : cases) {
			String jobId = jobs.get(i++);
			events.awaitPermanentFailure(jobId, c[2], TIMEOUT);
			Map<String, Object> row = this.jdbc
				.sql("SELECT status, error, attempts, model_id FROM pinn_training_job WHERE id = :id")
				.param("id", UUID.fromString(jobId))
				.query()
				.singleRow();
			assertThat(row.get("status")).isEqualTo("failed");
			assertThat((String) row.get("error")).contains(c[2]);
			assertThat(row.get("model_id")).isNull();
		}
		this.storage.delete("datasets", garbage);
	}

	/** 2x16 tanh, 30 Adam steps and up to 5 L-BFGS iterations on 100 points. */
	private static ObjectNode tiny() {
		ObjectNode settings = JSON.createObjectNode();
		settings.put("pde", "u_t = c1*u*u_x + c2*u_xx");
		settings.put("layers", "2x16");
		settings.put("epochs", 30);
		settings.put("lbfgsIterations", 5);
		settings.put("dataPoints", 100);
		settings.put("collocationPoints", 100);
		settings.put("progressEvery", 10);
		settings.put("seed", 3);
		return settings;
	}

	/**
	 * A new data set id that data-service shows to one token, whose canonical form is the
	 * small Burgers data set.
	 */
	private UUID dataset(String token) {
		UUID id = UUID.randomUUID();
		TestInfrastructure.DATA.register(id, token, burgersKey());
		return id;
	}

	private JobMessage publish(String jobId, String idempotencyKey, String payload) {
		return TestJobs.publish(this.queue, TestInfrastructure.STREAM, jobId, "pinn", idempotencyKey, payload);
	}

	/** A payload as the orchestrator writes it (its JobPayload). */
	private String payload(String jobId, UUID pipelineId, String objectKey, String params) {
		ObjectNode payload = JSON.createObjectNode();
		if (pipelineId != null) {
			payload.put("pipelineId", pipelineId.toString());
			payload.put("stepId", "pinn");
		}
		payload.put("jobId", jobId);
		payload.put("type", "pinn");
		payload.put("attempt", 1);
		payload.put("datasetId", UUID.randomUUID().toString());
		payload.put("ownerId", this.alice);
		if (objectKey != null) {
			payload.put("datasetObjectKey", objectKey);
			payload.put("datasetFormat", "NPZ");
		}
		payload.set("params", parse(params));
		payload.putArray("inputs");
		return payload.toString();
	}

	/**
	 * The canonical form (NPZ, as data-service writes it) of a small simulated Burgers
	 * data set, {@code u_t = -u*u_x + 0.1*u_xx} on 21 times x 64 points, stored once per
	 * JVM.
	 */
	private String burgersKey() {
		return TestDataSets.canonical(this.storage, "burgers-small", () -> {
			SimulationSettings grid = Simulations.defaultSettings("burgers");
			grid = grid.withX(grid.xMin(), grid.xLength(), 64).withTimes(SimulationSettings.uniformTimes(0, 4, 21));
			return Simulations.simulate("burgers", null, grid);
		});
	}

}
