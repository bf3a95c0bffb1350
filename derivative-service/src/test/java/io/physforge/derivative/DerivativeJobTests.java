package io.physforge.derivative;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.core.derivative.Differentiator;
import io.physforge.core.derivative.Differentiators;
import io.physforge.core.field.Field;
import io.physforge.pinn.PinnDerivatives;
import io.physforge.pinn.PinnModel;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.PinnTrainer;
import io.physforge.pinn.TrainingMonitor;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.physforge.derivative.worker.DerivativeJobHandler;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.JobStreams;
import io.physforge.platform.testing.TestJobs;
import io.physforge.platform.testing.TestJwks;
import io.physforge.platform.testing.WorkerServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.physforge.platform.testing.TestJobs.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker of {@code derivatives} jobs on real PostgreSQL, Redis and S3: jobs are
 * published to this JVM's own stream in the orchestrator's payload format, the data is
 * the canonical form of PDE-FIND's burgers in bucket {@code datasets}, and a PINN
 * surrogate trained here is stored in bucket {@code models} as pinn-training-service
 * would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DerivativeJobTests extends WorkerServiceTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private DerivativeJobHandler handler;

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
	void aJobStoresOneFeatureSetReportsItsTrimAndADeliveryAgainReportsTheSame() throws Exception {
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		UUID pipelineId = UUID.randomUUID();
		String payload = payload(jobId, pipelineId, TestInfrastructure.burgersKey(this.storage),
				"{\"method\":\"poly\",\"options\":{\"degree\":\"4\",\"width\":\"6\"},\"maxOrder\":2}",
				JSON.createArrayNode());
		publish(jobId, jobId + ":1", payload);

		JsonNode ref = parse(events.await(jobId, TestJobs::completedWithResult, 1, TIMEOUT).get(0).message());
		assertThat(ref.path("kind").asText()).isEqualTo("feature-set");
		String id = ref.path("id").asText();
		String location = ref.path("location").asText();
		assertThat(location).startsWith("s3://artifacts/");
		JsonNode summary = ref.path("summary");
		assertThat(FeatureSetTests.strings(summary.path("fields"))).containsExactly("u");
		assertThat(FeatureSetTests.strings(summary.path("names"))).containsExactly("u", "u_t", "u_x", "u_xx");
		Differentiator poly = Differentiators.byName("poly", Map.of("degree", "4", "width", "6"));
		assertThat(summary.path("trim").toString()).isEqualTo("{\"t\":" + poly.unreliableEdge(1) + ",\"x\":"
				+ Math.max(poly.unreliableEdge(1), poly.unreliableEdge(2)) + "}");
		assertThat(summary.path("shape").toString()).isEqualTo("{\"t\":101,\"x\":256}");
		assertThat(events.events(jobId).stream().filter((e) -> e.kind() == JobEvent.Kind.PROGRESS).count())
			.isGreaterThanOrEqualTo(3);

		Field stored = FeatureSetTests.read(
				this.storage.get("artifacts", location.substring("s3://artifacts/".length())),
				FeatureSetTests.strings(summary.path("names")));
		Field burgers = TestInfrastructure.burgers();
		FeatureSetTests.assertClose(stored.values("u_xx"),
				poly.differentiate(burgers.grid(), burgers.values("u"), "x", 2));

		// the owner sees the job's feature set; its pipeline and step are recorded
		JsonNode shown = Http.local(this.port)
			.get("/api/derivatives/feature-sets/" + id, TestJwks.shared().token(this.alice, "VIEWER"))
			.json();
		assertThat(shown.path("jobId").asText()).isEqualTo(jobId);
		assertThat(shown.path("pipelineId").asText()).isEqualTo(pipelineId.toString());
		assertThat(shown.path("stepId").asText()).isEqualTo("derivatives");

		// the orchestrator retries the job: the stored feature set is reported again
		publish(jobId, jobId + ":2", payload);
		List<JobEvent> results = events.await(jobId, TestJobs::completedWithResult, 2, TIMEOUT);
		assertThat(parse(results.get(1).message()).path("id").asText()).isEqualTo(id);
		assertThat(parse(results.get(1).message()).path("location").asText()).isEqualTo(location);
		assertThat(this.jdbc.sql("SELECT count(*) FROM feature_set WHERE job_id = :job")
			.param("job", jobId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void thePinnMethodEvaluatesTheUpstreamModelAndItsOwnerMayUseItByRest() throws Exception {
		Field burgers = TestInfrastructure.burgers();
		PinnModel model = PinnTrainer
			.train(burgers, PinnSettings.defaults().withLayers(List.of(8, 8)).withEpochs(100, 20), TrainingMonitor.NONE)
			.model();
		ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
		model.save(checkpoint);
		String key = this.storage
			.put("models", new ByteArrayInputStream(checkpoint.toByteArray()), checkpoint.size(), "application/json")
			.key();
		String modelId = UUID.randomUUID().toString();

		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		ArrayNode inputs = JSON.createArrayNode();
		ObjectNode input = inputs.addObject()
			.put("stepId", "pinn")
			.put("type", "pinn")
			.put("jobId", UUID.randomUUID().toString());
		input.putObject("result").put("kind", "pinn-model").put("id", modelId).put("location", "s3://models/" + key);
		publish(jobId, jobId + ":1", payload(jobId, UUID.randomUUID(), TestInfrastructure.burgersKey(this.storage),
				"{\"method\":\"pinn\",\"names\":[\"u_t\",\"u_x\",\"u_xx\",\"u_xxx\"]}", inputs));
		JsonNode ref = parse(events.await(jobId, TestJobs::completedWithResult, 1, TIMEOUT).get(0).message());
		JsonNode summary = ref.path("summary");
		assertThat(summary.path("method").asText()).isEqualTo("pinn");
		assertThat(summary.path("modelId").asText()).isEqualTo(modelId);
		// the network's edges are left out: 5% of each axis (101 times, 256 points)
		assertThat(summary.path("trim").toString())
			.isEqualTo("{\"t\":" + PinnDerivatives.edgePoints(101) + ",\"x\":" + PinnDerivatives.edgePoints(256) + "}");
		List<String> names = FeatureSetTests.strings(summary.path("names"));
		assertThat(names).containsExactly("u", "u_t", "u_x", "u_xx", "u_xxx");
		Field stored = FeatureSetTests.read(
				this.storage.get("artifacts", ref.path("location").asText().substring("s3://artifacts/".length())),
				names);
		Field direct = model.evaluate(burgers.grid(), names);
		for (String name : names) {
			FeatureSetTests.assertClose(stored.values(name), direct.values(name));
		}
		// the surrogate fits the data, if only roughly after 100 steps
		assertThat(rms(stored.values("u"), burgers.values("u"))).isLessThan(0.5 * rms(burgers.values("u"), null));

		// by REST the pipeline's owner may use the model again; someone else may not
		Http http = Http.local(this.port);
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		UUID dataset = TestInfrastructure.DATA.register(aliceToken, TestInfrastructure.burgersKey(this.storage));
		Http.Response created = http.post("/api/derivatives/feature-sets", aliceToken,
				Map.of("datasetId", dataset.toString(), "method", "pinn:" + modelId, "names", List.of("u_x")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("modelLocation").asText()).isEqualTo("s3://models/" + key);
		String bobToken = TestJwks.shared().token(UUID.randomUUID().toString(), "RESEARCHER");
		UUID bobs = TestInfrastructure.DATA.register(bobToken, TestInfrastructure.burgersKey(this.storage));
		Http.Response refused = http.post("/api/derivatives/feature-sets", bobToken,
				Map.of("datasetId", bobs.toString(), "method", "pinn", "modelLocation", "s3://models/" + key));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("modelLocation");
	}

	@Test
	void unusableJobsFailPermanentlyWithTheReasonAndLeaveNoObject() {
		String burgers = TestInfrastructure.burgersKey(this.storage);
		List<String[]> cases = List.of(
				new String[] { burgers, "{\"method\":\"fourier\"}", "'fourier' is not a derivative method" },
				new String[] { burgers, "{\"method\":\"pinn\"}", "needs the model of an upstream pinn step" },
				new String[] { burgers, "{\"names\":[\"v_x\"]}", "the data set's fields are [u]" },
				new String[] { UUID.randomUUID().toString(), "{}", "does not exist in storage" });
		JobStreams events = new JobStreams(this.redis);
		List<String> jobs = new ArrayList<>();
		for (String[] c : cases) {
			String jobId = UUID.randomUUID().toString();
			publish(jobId, null, payload(jobId, null, c[0], c[1], JSON.createArrayNode()));
			jobs.add(jobId);
		}
		for (int i = 0; i < cases.size(); i++) {
			String jobId = jobs.get(i);
			events.awaitPermanentFailure(jobId, cases.get(i)[2], TIMEOUT);
			Map<String, Object> row = this.jdbc
				.sql("SELECT status, error, object_key, attempts FROM feature_set WHERE job_id = :job")
				.param("job", jobId)
				.query()
				.singleRow();
			assertThat(row.get("status")).isEqualTo("failed");
			assertThat((String) row.get("error")).contains(cases.get(i)[2]);
			assertThat(row.get("object_key")).isNull();
			assertThat(row.get("attempts")).isEqualTo(1);
		}
	}

	@Test
	void concurrentDeliveriesOfOneJobStoreOneFeatureSetAndOneObject() throws Exception {
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		String payload = payload(jobId, UUID.randomUUID(), TestInfrastructure.burgersKey(this.storage),
				"{\"method\":\"fd\",\"maxOrder\":2}", JSON.createArrayNode());
		long objectsBefore = objects("artifacts");
		TestJobs.deliverConcurrently(this.handler, jobId, "derivatives", payload, 2, Duration.ofSeconds(60));
		List<JobEvent> results = events.await(jobId, TestJobs::completedWithResult, 2, TIMEOUT);
		assertThat(parse(results.get(0).message()).path("location").asText())
			.isEqualTo(parse(results.get(1).message()).path("location").asText());
		assertThat(this.jdbc.sql("SELECT count(*) FROM feature_set WHERE job_id = :job")
			.param("job", jobId)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the delivery that lost the race deleted its own object
		assertThat(objects("artifacts")).isEqualTo(objectsBefore + 1);
	}

	private long objects(String bucket) {
		long n = 0;
		for (Result<Item> item : this.minio
			.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
			n++;
		}
		return n;
	}

	private static double rms(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			double d = a[i] - ((b != null) ? b[i] : 0);
			sum += d * d;
		}
		return Math.sqrt(sum / a.length);
	}

	private void publish(String jobId, String idempotencyKey, String payload) {
		TestJobs.publish(this.queue, TestInfrastructure.STREAM, jobId, "derivatives", idempotencyKey, payload);
	}

	/** A payload as the orchestrator writes it (its JobPayload). */
	private String payload(String jobId, UUID pipelineId, String objectKey, String params, ArrayNode inputs) {
		ObjectNode payload = JSON.createObjectNode();
		payload.put("pipelineId", ((pipelineId != null) ? pipelineId : UUID.randomUUID()).toString());
		payload.put("jobId", jobId);
		payload.put("stepId", "derivatives");
		payload.put("type", "derivatives");
		payload.put("attempt", 1);
		payload.put("datasetId", UUID.randomUUID().toString());
		payload.put("ownerId", this.alice);
		payload.put("datasetObjectKey", objectKey);
		payload.put("datasetFormat", "NPZ");
		payload.set("params", parse(params));
		payload.set("inputs", inputs);
		return payload.toString();
	}

}
