package io.physforge.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.core.derivative.Differentiator;
import io.physforge.core.derivative.Differentiators;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.io.DataSets;
import io.physforge.discovery.worker.DiscoveryJobHandler;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.testing.AuditStream;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.JobStreams;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The discovery worker and REST API on real PostgreSQL ({@code physforge_test}), Redis,
 * S3 and HTTP: jobs are published to this JVM's own stream in the orchestrator's payload
 * format, the data is the canonical form of PDE-FIND's burgers.h5 stored in bucket
 * {@code datasets}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiscoveryServiceTests extends WorkerServiceTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private DiscoveryJobHandler handler;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@AfterAll
	static void removeStream() {
		TestJobs.removeStream(TestInfrastructure.STREAM);
	}

	@Test
	void discoversBurgersAndShowsTheRunToItsOwnerOnly() {
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		UUID pipelineId = UUID.randomUUID();
		UUID datasetId = UUID.randomUUID();
		publish(jobId, jobId + ":1", payload(jobId, pipelineId, datasetId, this.alice, burgersKey(), "{}"));

		JobEvent completed = events.await(jobId, TestJobs::completedWithResult, 1, TIMEOUT).get(0);
		JsonNode ref = parse(completed.message());
		assertThat(ref.path("kind").asText()).isEqualTo("discovery-run");
		String runId = ref.path("id").asText();
		assertThat(ref.path("summary").path("equation").asText()).startsWith("u_t = -1.00");
		List<JobEvent> progress = events.events(jobId)
			.stream()
			.filter((e) -> e.kind() == JobEvent.Kind.PROGRESS)
			.toList();
		assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
		assertThat(progress.get(progress.size() - 1).fraction()).isGreaterThan(progress.get(0).fraction());

		Http http = Http.local(this.port);
		String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		Http.Response shown = http.get("/api/discovery/runs/" + runId, aliceToken);
		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		JsonNode run = shown.json();
		assertThat(run.path("status").asText()).isEqualTo("completed");
		assertThat(run.path("jobId").asText()).isEqualTo(jobId);
		assertThat(run.path("pipelineId").asText()).isEqualTo(pipelineId.toString());
		assertThat(run.path("datasetId").asText()).isEqualTo(datasetId.toString());
		assertBurgers(run);
		assertThat(run.path("metrics").path("equations").path("u_t").path("r2").asDouble()).isGreaterThan(0.99);
		assertThat(run.path("provenance").path("input").asText()).contains(datasetId.toString()).contains(burgersKey());
		assertThat(run.path("provenance").path("inputSha256").asText()).hasSize(64);
		assertThat(run.path("provenance").path("settings").path("derivative").asText()).isEqualTo("auto");
		assertThat(run.path("provenance").has("seed")).isTrue();
		assertThat(run.path("provenance").path("version").asText()).isNotBlank();

		String bobToken = TestJwks.shared().token(this.bob, "RESEARCHER");
		Http.Response hidden = http.get("/api/discovery/runs/" + runId, bobToken);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.json().path("type").asText())
			.isEqualTo("https://physforge.dev/problems/discovery-run-not-found");
		assertThat(http.get("/api/discovery/runs/" + runId, null).status()).isEqualTo(401);
		assertThat(http.get("/api/discovery/runs/" + runId, TestJwks.shared().token(this.bob, "ADMIN")).status())
			.isEqualTo(200);

		JsonNode aliceList = http.get("/api/discovery/runs?page=0&size=100", aliceToken).json();
		assertThat(ids(aliceList.path("items"))).contains(runId);
		assertThat(aliceList.path("totalItems").asLong()).isGreaterThanOrEqualTo(1);
		JsonNode bobList = http.get("/api/discovery/runs", bobToken).json();
		assertThat(ids(bobList.path("items"))).doesNotContain(runId);
		assertThat(bobList.path("totalItems").asLong()).isZero();
		assertThat(http.get("/api/discovery/runs?size=0", aliceToken).status()).isEqualTo(400);

		Http.Response byPipeline = http.get("/api/discovery/runs/by-pipeline/" + pipelineId, aliceToken);
		assertThat(byPipeline.status()).as(byPipeline.toString()).isEqualTo(200);
		assertThat(ids(byPipeline.json())).containsExactly(runId);
		assertThat(http.get("/api/discovery/runs/by-pipeline/" + pipelineId, bobToken).status()).isEqualTo(404);

		JsonNode equations = http.get("/api/discovery/equations", aliceToken).json();
		assertThat(equations.path("totalItems").asLong()).isEqualTo(1);
		JsonNode equation = equations.path("items").get(0);
		assertThat(equation.path("runId").asText()).isEqualTo(runId);
		try (AuditStream audit = AuditStream.ofThisJvm(TestServers.infra().redis().url().toString())) {
			JsonNode created = audit.await("discovery.run.create", runId);
			assertThat(created.path("actor").asText()).isEqualTo("system");
			assertThat(created.path("resourceType").asText()).isEqualTo("discovery-run");
			assertThat(created.path("service").asText()).isEqualTo("pde-discovery-service");
		}
		assertThat(equation.path("lhs").asText()).isEqualTo("u_t");
		String equationId = equation.path("id").asText();
		assertThat(http.get("/api/discovery/equations/" + equationId, aliceToken).json().path("latex").asText())
			.isEqualTo(run.path("equations").get(0).path("latex").asText());
		assertThat(http.get("/api/discovery/equations/" + equationId, bobToken).status()).isEqualTo(404);
		assertThat(http.get("/api/discovery/equations", bobToken).json().path("totalItems").asLong()).isZero();
	}

	@Test
	void discoversBurgersFromTheDerivativesOfAnUpstreamFeatureSet() throws IOException {
		Field burgers = DataSets.read(TestInfrastructure.dataset("pde-find/burgers.npz"));
		List<String> names = Discovery.requiredDerivatives(burgers.grid(), List.of("u"), DiscoverySettings.defaults());
		Differentiator fd = Differentiators.byName("fd");
		for (String method : List.of("fd", "spectral")) {
			// the feature set as derivative-service stores it: NPZ by canonical name,
			// trim in
			// the summary
			Differentiator space = Differentiators.byName(method);
			Map<String, double[]> values = new LinkedHashMap<>();
			int xEdge = 0;
			for (String name : names) {
				if (name.equals("u")) {
					values.put(name, burgers.values("u"));
				}
				else if (name.equals("u_t")) {
					values.put(name, fd.differentiate(burgers.grid(), burgers.values("u"), "t", 1));
				}
				else {
					int order = name.length() - 2;
					values.put(name, space.differentiate(burgers.grid(), burgers.values("u"), "x", order));
					xEdge = Math.max(xEdge, space.unreliableEdge(order));
				}
			}
			String key = store("artifacts", new Field(burgers.grid(), values));
			String featureSetId = UUID.randomUUID().toString();
			ObjectNode result = JSON.createObjectNode()
				.put("kind", "feature-set")
				.put("id", featureSetId)
				.put("location", "s3://artifacts/" + key);
			ObjectNode summary = result.putObject("summary").put("method", method);
			summary.putArray("fields").add("u");
			ArrayNode namesNode = summary.putArray("names");
			names.forEach(namesNode::add);
			summary.putObject("trim").put("t", fd.unreliableEdge(1)).put("x", xEdge);

			JobStreams events = new JobStreams(this.redis);
			String jobId = UUID.randomUUID().toString();
			ObjectNode payload = (ObjectNode) parse(
					payload(jobId, UUID.randomUUID(), UUID.randomUUID(), this.alice, burgersKey(), "{}"));
			ObjectNode input = payload.putArray("inputs")
				.addObject()
				.put("stepId", "derivatives")
				.put("type", "derivatives")
				.put("jobId", UUID.randomUUID().toString());
			input.set("result", result);
			publish(jobId, jobId + ":1", payload.toString());

			String runId = parse(events.await(jobId, TestJobs::completedWithResult, 1, TIMEOUT).get(0).message())
				.path("id")
				.asText();
			JsonNode run = Http.local(this.port)
				.get("/api/discovery/runs/" + runId, TestJwks.shared().token(this.alice, "VIEWER"))
				.json();
			assertThat(run.path("status").asText()).isEqualTo("completed");
			JsonNode terms = run.path("equations").get(0).path("terms");
			assertThat(run.path("equations").size()).isEqualTo(1);
			assertThat(terms.size()).as(method + ": " + terms).isEqualTo(2);
			assertThat(terms.get(0).path("term").asText()).isEqualTo("u*u_x");
			assertThat(terms.get(0).path("coefficient").asDouble()).as(method).isCloseTo(-1.0, within(0.01));
			assertThat(terms.get(1).path("term").asText()).isEqualTo("u_xx");
			assertThat(terms.get(1).path("coefficient").asDouble()).as(method).isCloseTo(0.1, within(0.001));
			JsonNode source = run.path("provenance").path("settings").path("derivativeSource");
			assertThat(source.path("kind").asText()).isEqualTo("feature-set");
			assertThat(source.path("id").asText()).isEqualTo(featureSetId);
			assertThat(source.path("method").asText()).isEqualTo(method);
			assertThat(source.path("trim").path("t").asInt()).isEqualTo(fd.unreliableEdge(1));
			assertThat(run.path("metrics").path("derivativeSource").path("id").asText()).isEqualTo(featureSetId);
			assertThat(run.path("settings").path("derivativeSource").path("location").asText())
				.isEqualTo("s3://artifacts/" + key);
			assertThat(run.path("provenance").path("input").asText()).contains("feature set " + featureSetId);
			this.storage.delete("artifacts", key);
		}
	}

	@Test
	void aJobDeliveredAgainStoresOneRun() {
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		String payload = payload(jobId, UUID.randomUUID(), UUID.randomUUID(), this.alice, burgersKey(),
				"{\"derivative\":\"fd\",\"maxOrder\":2,\"degree\":2}");
		JobMessage first = publish(jobId, jobId + ":1", payload);
		String runId = parse(events.await(jobId, TestJobs::completedWithResult, 1, TIMEOUT).get(0).message()).path("id")
			.asText();

		// the orchestrator retries the job (new idempotency key): the stored run is
		// reported again
		publish(jobId, jobId + ":2", payload);
		List<JobEvent> results = events.await(jobId, TestJobs::completedWithResult, 2, TIMEOUT);
		assertThat(parse(results.get(1).message()).path("id").asText()).isEqualTo(runId);
		// Redis delivers the first message again after completion: the completion ledger
		// acknowledges it without running the handler
		this.redis.xadd(TestInfrastructure.STREAM, StreamEntryID.NEW_ENTRY, first.toFields());
		events.await(jobId, (e) -> e.kind() == JobEvent.Kind.COMPLETED, 3, TIMEOUT);

		assertOneRunWithOneEquation(jobId);
		assertThat(this.jdbc.sql("SELECT attempts FROM discovery_run WHERE job_id = :job")
			.param("job", jobId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		JsonNode run = Http.local(this.port)
			.get("/api/discovery/runs/" + runId, TestJwks.shared().token(this.alice, "VIEWER"))
			.json();
		assertBurgers(run);

		// the same contract as `physforge discover --json`: physics-core's records as
		// JSON
		DiscoveryResult local = Discovery.discover(DataSets.read(TestInfrastructure.dataset("pde-find/burgers.h5")),
				DiscoverySettings.defaults().withDerivative("fd").withMaxOrder(2).withDegree(2));
		JsonNode expected = JSON.valueToTree(local);
		assertThat(run.path("equations").toString()).isEqualTo(expected.path("equations").toString());
		assertThat(fieldNames(run.path("metrics"))).isEqualTo(fieldNames(expected.path("metrics")));
		assertThat(run.path("metrics").path("library").toString())
			.isEqualTo(expected.path("metrics").path("library").toString());
		assertThat(fieldNames(run.path("provenance"))).isEqualTo(fieldNames(expected.path("provenance")));
		assertThat(run.path("provenance").path("settings").toString())
			.isEqualTo(expected.path("provenance").path("settings").toString());
		assertThat(run.path("provenance").path("inputSha256").asText())
			.as("the canonical form holds the same values as burgers.h5")
			.isEqualTo(local.provenance().inputSha256());
	}

	@Test
	void unusableJobsFailWithTheReasonStoredOnTheRun() {
		String garbage = this.storage
			.put("datasets",
					new ByteArrayInputStream("t,x,u\nthis is not a data set\n".getBytes(StandardCharsets.UTF_8)), -1,
					"application/octet-stream")
			.key();
		byte[] noise = new byte[4096];
		new java.util.Random(7).nextBytes(noise);
		String binary = this.storage.put("datasets", new ByteArrayInputStream(noise), noise.length, null).key();
		String missing = UUID.randomUUID().toString();
		List<String[]> cases = List.of(new String[] { garbage, "{}", "is CSV text, not a canonical form" },
				new String[] { binary, "{}", "is not a canonical form that can be read" },
				new String[] { missing, "{}", "does not exist in storage" },
				new String[] { null, "{}", "'datasetObjectKey'" },
				new String[] { burgersKey(), "{\"derivativ\":\"fd\"}", "unknown discovery parameter 'derivativ'" },
				new String[] { burgersKey(), "{\"maxOrder\":7}", "maximum derivative order must be 1 to 4" });
		JobStreams events = new JobStreams(this.redis);
		List<String> jobs = new ArrayList<>();
		for (String[] c : cases) {
			String jobId = UUID.randomUUID().toString();
			publish(jobId, null, payload(jobId, null, UUID.randomUUID(), this.alice, c[0], c[1]));
			jobs.add(jobId);
		}
		int i = 0;
		for (String[] c : cases) {
			String jobId = jobs.get(i++);
			// bad input is a permanent failure: dead-lettered after one attempt
			events.awaitPermanentFailure(jobId, c[2], TIMEOUT);
			Map<String, Object> run = this.jdbc
				.sql("SELECT status, error, attempts FROM discovery_run WHERE job_id = :job")
				.param("job", jobId)
				.query()
				.singleRow();
			assertThat(run.get("status")).isEqualTo("failed");
			assertThat((String) run.get("error")).contains(c[2]);
			assertThat(run.get("attempts")).isEqualTo(1);
			assertThat(this.jdbc
				.sql("SELECT count(*) FROM discovered_equation e JOIN discovery_run r ON r.id = e.run_id "
						+ "WHERE r.job_id = :job")
				.param("job", jobId)
				.query(Long.class)
				.single()).isZero();
		}
		this.storage.delete("datasets", garbage);
		this.storage.delete("datasets", binary);
	}

	@Test
	void concurrentDeliveriesOfOneJobStoreOneRun() throws Exception {
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		String payload = payload(jobId, UUID.randomUUID(), UUID.randomUUID(), this.alice, burgersKey(),
				"{\"derivative\":\"fd\",\"maxOrder\":2,\"degree\":2}");
		TestJobs.deliverConcurrently(this.handler, jobId, "discovery", payload, 2, Duration.ofSeconds(60));
		List<JobEvent> results = events.await(jobId, TestJobs::completedWithResult, 2, TIMEOUT);
		assertThat(parse(results.get(0).message()).path("id").asText())
			.isEqualTo(parse(results.get(1).message()).path("id").asText());
		assertOneRunWithOneEquation(jobId);
	}

	@Test
	void aCancelledJobStopsAndItsRunSaysSo() {
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		this.queue.cancel(jobId);
		publish(jobId, null, payload(jobId, null, UUID.randomUUID(), this.alice, burgersKey(), "{}"));
		events.await(jobId, (e) -> e.kind() == JobEvent.Kind.CANCELLED, 1, TIMEOUT);
		assertThat(this.jdbc.sql("SELECT status FROM discovery_run WHERE job_id = :job")
			.param("job", jobId)
			.query(String.class)
			.single()).isEqualTo("cancelled");
		assertThat(events.events(jobId)).noneMatch((e) -> e.kind() == JobEvent.Kind.COMPLETED);
	}

	@Test
	void cancellingALongEnsembleFreesTheWorkerWithinSeconds() {
		JobStreams events = new JobStreams(this.redis);
		String jobId = UUID.randomUUID().toString();
		// 100,000 bootstrap members of the weak form: many minutes of work
		publish(jobId, null, payload(jobId, null, UUID.randomUUID(), this.alice, burgersKey(),
				"{\"method\":\"weak\",\"ensembleMembers\":100000}"));
		events.await(jobId, (e) -> e.kind() == JobEvent.Kind.PROGRESS && e.fraction() != null && e.fraction() >= 0.2, 1,
				TIMEOUT);
		long cancelledAt = System.nanoTime();
		this.queue.cancel(jobId);
		events.await(jobId, (e) -> e.kind() == JobEvent.Kind.CANCELLED, 1, TIMEOUT);
		double seconds = (System.nanoTime() - cancelledAt) / 1e9;
		assertThat(seconds).as("seconds from the cancel to the worker letting go").isLessThan(5);
		assertThat(this.jdbc.sql("SELECT status FROM discovery_run WHERE job_id = :job")
			.param("job", jobId)
			.query(String.class)
			.single()).isEqualTo("cancelled");
		// the same worker thread goes on with the next job, not interrupted
		String next = UUID.randomUUID().toString();
		publish(next, null, payload(next, null, UUID.randomUUID(), this.alice, burgersKey(),
				"{\"derivative\":\"fd\",\"maxOrder\":2,\"degree\":2}"));
		events.await(next, TestJobs::completedWithResult, 1, TIMEOUT);
	}

	private void assertOneRunWithOneEquation(String jobId) {
		assertThat(this.jdbc.sql("SELECT count(*) FROM discovery_run WHERE job_id = :job")
			.param("job", jobId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM discovered_equation e JOIN discovery_run r ON r.id = e.run_id "
					+ "WHERE r.job_id = :job")
			.param("job", jobId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static void assertBurgers(JsonNode run) {
		JsonNode equations = run.path("equations");
		assertThat(equations.size()).isEqualTo(1);
		JsonNode equation = equations.get(0);
		assertThat(fieldNames(equation)).containsExactly("lhs", "terms", "latex");
		assertThat(equation.path("lhs").asText()).isEqualTo("u_t");
		assertThat(equation.path("latex").asText()).startsWith("u_{t} = -");
		JsonNode terms = equation.path("terms");
		assertThat(terms.size()).as(terms.toString()).isEqualTo(2);
		assertThat(fieldNames(terms.get(0))).containsExactly("term", "coefficient", "ci", "inclusion");
		assertThat(terms.get(0).path("ci").size()).isEqualTo(2);
		assertThat(terms.get(0).path("ci").get(0).asDouble()).isLessThanOrEqualTo(-0.99);
		assertThat(terms.get(0).path("ci").get(1).asDouble()).isGreaterThanOrEqualTo(-1.01);
		assertThat(terms.get(0).path("inclusion").asDouble()).isEqualTo(1.0);
		assertThat(terms.get(0).path("term").asText()).isEqualTo("u*u_x");
		assertThat(terms.get(0).path("coefficient").asDouble()).isCloseTo(-1.0, within(0.01));
		assertThat(terms.get(1).path("term").asText()).isEqualTo("u_xx");
		assertThat(terms.get(1).path("coefficient").asDouble()).isCloseTo(0.1, within(0.001));
	}

	private JobMessage publish(String jobId, String idempotencyKey, String payload) {
		String id = (jobId != null) ? jobId : parse(payload).path("jobId").asText();
		return TestJobs.publish(this.queue, TestInfrastructure.STREAM, id, "discovery", idempotencyKey, payload);
	}

	/**
	 * A payload as the orchestrator writes it (its JobPayload) plus the canonical form's
	 * key.
	 */
	private static String payload(String jobId, UUID pipelineId, UUID datasetId, String owner, String objectKey,
			String params) {
		ObjectNode payload = JSON.createObjectNode();
		payload.put("pipelineId", ((pipelineId != null) ? pipelineId : UUID.randomUUID()).toString());
		payload.put("jobId", (jobId != null) ? jobId : UUID.randomUUID().toString());
		payload.put("stepId", "discovery");
		payload.put("type", "discovery");
		payload.put("attempt", 1);
		payload.put("datasetId", datasetId.toString());
		payload.put("ownerId", owner);
		if (objectKey != null) {
			payload.put("datasetObjectKey", objectKey);
		}
		payload.set("params", parse(params));
		payload.putArray("inputs");
		return payload.toString();
	}

	/**
	 * The canonical form of burgers.h5 (NPZ, as data-service writes it) in bucket
	 * {@code datasets}, stored once per JVM.
	 */
	private String burgersKey() {
		return TestDataSets.canonical(this.storage, "pde-find/burgers.h5",
				() -> DataSets.read(TestInfrastructure.dataset("pde-find/burgers.h5")));
	}

	private String store(String bucket, Field field) {
		return TestDataSets.store(this.storage, bucket, field, "application/x-npz");
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
