package io.physforge.orchestration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.orchestration.config.BackgroundTasks;
import io.physforge.orchestration.events.JobEventConsumer;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobEvents;
import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.JobWorker;
import io.physforge.platform.testing.AuditStream;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.ServiceSmokeTest;
import io.physforge.platform.testing.StubDataService;
import io.physforge.platform.testing.TestDatabase;
import io.physforge.platform.testing.TestJwks;
import io.physforge.platform.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * orchestration-service over real HTTP on the real {@code physforge_test} database and
 * Redis, with real platform {@code JobWorker}s in the same JVM playing the workers. Job
 * types get a unique queue prefix and the event consumer a unique group, so concurrent
 * suites on the same Redis do not interfere. The platform's smoke tests run in the same
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "physforge.orchestration.max-attempts=3", "physforge.orchestration.backoff=100ms",
				"physforge.orchestration.timeouts.symbolic=1s", "physforge.orchestration.sweep-interval=200ms",
				"physforge.orchestration.relay-interval=50ms", "physforge.orchestration.republish-after=1s",
				"physforge.orchestration.reconcile-interval=300ms", "physforge.orchestration.events-max-deliveries=3",
				"physforge.orchestration.events-retry-delay=200ms", "physforge.queue.lease=5s",
				"physforge.queue.poll-timeout=100ms", "physforge.queue.worker-threads=2" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineOrchestrationTests extends ServiceSmokeTest {

	static final String PREFIX = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";

	static final String GROUP = "orchestration-test-" + PREFIX;

	private static final String API = "/api/orchestration";

	static final StubDataService DATA = new StubDataService();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UnifiedJedis redis;

	@Autowired
	private FakeWorkers workers;

	@Autowired
	private JobEventConsumer consumer;

	@Autowired
	private BackgroundTasks background;

	@Autowired
	private List<JobWorker> jobWorkers;

	private Http http;

	private final String alice = UUID.randomUUID().toString();

	private final String bob = UUID.randomUUID().toString();

	private String aliceToken;

	private String bobToken;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		removeStaleTestPipelines();
		registry.add("physforge.orchestration.queue-prefix", () -> PREFIX);
		registry.add("physforge.orchestration.events-group", () -> GROUP);
		registry.add("physforge.orchestration.data-uri", () -> DATA.uri().toString());
	}

	/**
	 * Deletes pipelines of earlier runs that died before their clean-up, before the
	 * service starts: their queued jobs would otherwise be re-published to streams nobody
	 * deletes.
	 */
	private static void removeStaleTestPipelines() {
		try (Connection connection = DriverManager.getConnection(TestDatabase.url(), env("PF_DB_USER", "postgres"),
				env("PF_DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
			statement
				.executeUpdate("DELETE FROM orchestration.pipeline WHERE created_at < now() - interval '10 minutes' "
						+ "AND id IN (SELECT pipeline_id FROM orchestration.job WHERE queue ~ '^t[0-9a-f]{8}-')");
		}
		catch (SQLException ex) {
			// first run: the schema does not exist yet
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	@TestConfiguration
	static class Workers {

		@Bean
		FakeWorkers fakeWorkers(JobEvents events) {
			return new FakeWorkers(events);
		}

		@Bean
		JobWorker pinnWorker(JobQueue queue, FakeWorkers handler) {
			return queue.worker(PREFIX + "pinn", handler);
		}

		@Bean
		JobWorker derivativesWorker(JobQueue queue, FakeWorkers handler) {
			return queue.worker(PREFIX + "derivatives", handler);
		}

		@Bean
		JobWorker discoveryWorker(JobQueue queue, FakeWorkers handler) {
			return queue.worker(PREFIX + "discovery", handler);
		}

		@Bean
		JobWorker symbolicWorker(JobQueue queue, FakeWorkers handler) {
			return queue.worker(PREFIX + "symbolic", handler);
		}

	}

	@BeforeEach
	void setUp() {
		this.http = Http.local(this.port);
		this.aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");
		this.bobToken = TestJwks.shared().token(this.bob, "RESEARCHER");
	}

	@AfterAll
	void cleanUpRedis() {
		this.background.stop();
		this.jobWorkers.forEach(JobWorker::stop);
		this.jdbc
			.sql("DELETE FROM pipeline WHERE id IN (SELECT pipeline_id FROM job WHERE starts_with(queue, :prefix))")
			.param("prefix", PREFIX)
			.update();
		for (String pattern : new String[] { "pf:jobs:" + PREFIX + "*", "pf:done:pf:jobs:" + PREFIX + "*",
				"pf:published:pf:jobs:" + PREFIX + "*" }) {
			for (String key : this.redis.keys(pattern)) {
				this.redis.del(key);
			}
		}
		this.consumer.stop();
		this.redis.xgroupDestroy(JobEvents.STREAM, GROUP);
		DATA.close();
	}

	@Test
	void submitWritesJobsAndOutboxInOneTransactionAndTheRelayPublishesToTheStream() {
		UUID dataset = UUID.randomUUID();
		JsonNode pipeline = submit(this.aliceToken, dataset,
				List.of(Map.of("type", "experiment", "params", Map.of("budget", 5))));
		String jobId = pipeline.path("jobs").get(0).path("id").asText();
		assertThat(pipeline.path("status").asText()).isEqualTo("queued");
		assertThat(pipeline.path("jobs").get(0).path("attempts").asInt()).isEqualTo(1);
		assertThat(pipeline.path("jobs").get(0).path("enqueuedAt").isNull()).isFalse();
		StreamEntry entry = awaitEntry(PREFIX + "experiment", jobId);
		assertThat(entry.getFields()).containsEntry("idempotencyKey", jobId + ":1")
			.containsEntry("type", PREFIX + "experiment");
		JsonNode payload = readJson(entry.getFields().get("payload"));
		assertThat(payload.path("pipelineId").asText()).isEqualTo(pipeline.path("id").asText());
		assertThat(payload.path("jobId").asText()).isEqualTo(jobId);
		assertThat(payload.path("datasetId").asText()).isEqualTo(dataset.toString());
		assertThat(payload.path("ownerId").asText()).isEqualTo(this.alice);
		assertThat(payload.path("datasetObjectKey").asText()).isEqualTo(StubDataService.canonicalKey(dataset));
		assertThat(payload.path("datasetFormat").asText()).isEqualTo("NPZ");
		assertThat(payload.path("stepId").asText()).isEqualTo("experiment");
		assertThat(payload.path("attempt").asInt()).isEqualTo(1);
		assertThat(payload.path("params").path("budget").asInt()).isEqualTo(5);
		assertThat(payload.path("inputs").size()).isZero();
		await("outbox row marked sent",
				() -> this.jdbc.sql("SELECT outcome FROM outbox WHERE job_id = :id")
					.param("id", UUID.fromString(jobId))
					.query(String.class)
					.list()
					.contains("published"));
	}

	@Test
	void workersDriveATwoStepPipelineToCompletedAndTheStreamsShowProgress() throws Exception {
		try (SseClient mine = SseClient.open(this.port, API + "/events", this.aliceToken)) {
			assertThat(mine.status()).isEqualTo(200);
			JsonNode submitted = submit(this.aliceToken, UUID.randomUUID(),
					List.of(Map.of("type", "derivatives", "params", Map.of("method", "fd", "delayMs", 300)),
							Map.of("type", "discovery", "params", Map.of("delayMs", 300))));
			String id = submitted.path("id").asText();
			try (SseClient stream = SseClient.open(this.port, API + "/pipelines/" + id + "/events", this.aliceToken)) {
				assertThat(stream.status()).isEqualTo(200);
				assertThat(stream.contentType()).startsWith("text/event-stream");
				List<SseClient.Event> events = new ArrayList<>();
				SseClient.Event event;
				while ((event = stream.next(Duration.ofSeconds(15))) != null && !"<closed>".equals(event.name())) {
					events.add(event);
				}
				assertThat(events).as("events").isNotEmpty();
				assertThat(events.get(0).name()).isEqualTo("snapshot");
				assertThat(events).anySatisfy((e) -> {
					assertThat(e.name()).isEqualTo("job");
					assertThat(e.data().path("status").asText()).isEqualTo("running");
					assertThat(e.data().path("progress").asInt()).isEqualTo(50);
				});
				SseClient.Event last = events.get(events.size() - 1);
				assertThat(last.name()).isEqualTo("pipeline");
				assertThat(last.data().path("status").asText()).isEqualTo("completed");
			}
			JsonNode done = show(this.aliceToken, id).json();
			assertThat(done.path("status").asText()).isEqualTo("completed");
			assertThat(done.path("progress").asInt()).isEqualTo(100);
			JsonNode derivatives = done.path("jobs").get(0);
			JsonNode discovery = done.path("jobs").get(1);
			assertThat(derivatives.path("status").asText()).isEqualTo("completed");
			assertThat(derivatives.path("result").path("id").asText())
				.isEqualTo("result-" + derivatives.path("id").asText());
			assertThat(discovery.path("status").asText()).isEqualTo("completed");
			assertThat(discovery.path("dependsOn").get(0).asText()).isEqualTo("derivatives");
			JsonNode downstream = this.workers.payloads.get(discovery.path("id").asText());
			assertThat(downstream.path("inputs").get(0).path("stepId").asText()).isEqualTo("derivatives");
			assertThat(downstream.path("inputs").get(0).path("result").path("id").asText())
				.isEqualTo("result-" + derivatives.path("id").asText());
			assertThat(downstream.path("inputs").get(0).path("result").path("kind").asText())
				.isEqualTo("derivatives-result");
			boolean sawOwnPipeline = false;
			SseClient.Event event;
			while ((event = mine.next(Duration.ofSeconds(2))) != null) {
				if (event.data() != null
						&& id.equals(event.data().path("pipelineId").asText(event.data().path("id").asText()))
						&& "pipeline".equals(event.name())
						&& "completed".equals(event.data().path("status").asText())) {
					sawOwnPipeline = true;
					break;
				}
			}
			assertThat(sawOwnPipeline).as("the caller's stream showed the pipeline complete").isTrue();
			try (AuditStream audit = audit()) {
				JsonNode submit = audit.await("pipeline.submit", id);
				assertThat(submit.path("actor").asText()).isEqualTo(this.alice);
				assertThat(submit.path("actorRoles").toString()).isEqualTo("[\"RESEARCHER\"]");
				JsonNode completed = audit.await("pipeline.completed", id);
				assertThat(completed.path("actor").asText()).isEqualTo("system");
				assertThat(completed.path("actorRoles")).isEmpty();
				assertThat(completed.path("outcome").asText()).isEqualTo("success");
			}
		}
	}

	@Test
	void aPinnDerivativesDiscoveryPipelineHandsEachStepItsUpstreamResult() {
		UUID dataset = UUID.randomUUID();
		JsonNode submitted = submit(this.aliceToken, dataset, List.of(
				Map.of("id", "pinn", "type", "pinn", "params", Map.of("resultKind", "pinn-model", "delayMs", 50)),
				Map.of("id", "derivatives", "type", "derivatives", "dependsOn", List.of("pinn"), "params",
						Map.of("method", "pinn", "resultKind", "feature-set", "delayMs", 50)),
				Map.of("id", "discovery", "type", "discovery", "dependsOn", List.of("derivatives"), "params",
						Map.of("delayMs", 50))));
		String id = submitted.path("id").asText();
		JsonNode done = awaitStatus(this.aliceToken, id, "completed");
		JsonNode pinn = done.path("jobs").get(0);
		JsonNode derivatives = done.path("jobs").get(1);
		JsonNode discovery = done.path("jobs").get(2);
		assertThat(pinn.path("stepId").asText()).isEqualTo("pinn");
		assertThat(derivatives.path("dependsOn").get(0).asText()).isEqualTo("pinn");
		assertThat(discovery.path("dependsOn").get(0).asText()).isEqualTo("derivatives");

		JsonNode derivativesPayload = this.workers.payloads.get(derivatives.path("id").asText());
		assertThat(derivativesPayload.path("type").asText()).isEqualTo("derivatives");
		assertThat(derivativesPayload.path("params").path("method").asText()).isEqualTo("pinn");
		assertThat(derivativesPayload.path("datasetObjectKey").asText())
			.isEqualTo(StubDataService.canonicalKey(dataset));
		JsonNode model = derivativesPayload.path("inputs").get(0);
		assertThat(derivativesPayload.path("inputs").size()).isEqualTo(1);
		assertThat(model.path("stepId").asText()).isEqualTo("pinn");
		assertThat(model.path("result").path("kind").asText()).isEqualTo("pinn-model");
		assertThat(model.path("result").path("id").asText()).isEqualTo("result-" + pinn.path("id").asText());
		assertThat(model.path("result").path("location").asText())
			.isEqualTo("s3://artifacts/test/" + pinn.path("id").asText());

		JsonNode discoveryPayload = this.workers.payloads.get(discovery.path("id").asText());
		assertThat(discoveryPayload.path("datasetObjectKey").asText()).isEqualTo(StubDataService.canonicalKey(dataset));
		assertThat(discoveryPayload.path("inputs").size()).isEqualTo(1);
		JsonNode features = discoveryPayload.path("inputs").get(0);
		assertThat(features.path("stepId").asText()).isEqualTo("derivatives");
		assertThat(features.path("result").path("kind").asText()).isEqualTo("feature-set");
		assertThat(features.path("result").path("id").asText()).isEqualTo("result-" + derivatives.path("id").asText());
		assertThat(features.path("result").path("summary").path("step").asText()).isEqualTo("derivatives");
	}

	@Test
	void aPermanentFailureFailsThePipelineWithoutAnotherAttempt() {
		JsonNode submitted = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "discovery", "params", Map.of("mode", "bad-input"))));
		String id = submitted.path("id").asText();
		JsonNode pipeline = awaitStatus(this.aliceToken, id, "failed");
		JsonNode job = pipeline.path("jobs").get(0);
		assertThat(job.path("status").asText()).isEqualTo("failed");
		assertThat(job.path("attempts").asInt()).isEqualTo(1);
		assertThat(job.path("error").asText()).contains("retrying cannot help")
			.contains("field 'u' has NaN values at t[3]");
		assertThat(this.workers.calls.get(job.path("id").asText()).get()).isEqualTo(1);
		try (AuditStream audit = audit()) {
			JsonNode failed = audit.await("pipeline.failed", id);
			assertThat(failed.path("actor").asText()).isEqualTo("system");
			assertThat(failed.path("outcome").asText()).isEqualTo("failed");
			assertThat(failed.path("reason").asText()).contains("field 'u' has NaN values at t[3]");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox WHERE job_id = :id")
			.param("id", UUID.fromString(job.path("id").asText()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFailingJobIsRetriedWithBackoffUpToMaxAttemptsThenThePipelineFails() throws Exception {
		// the workers run with the queue's default max-deliveries (3): they must not
		// retry on
		// their own, or the real handler would run up to 3 x 3 times
		JsonNode submitted = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "discovery", "params", Map.of("mode", "fail")),
						Map.of("type", "report", "params", Map.of())));
		String id = submitted.path("id").asText();
		JsonNode pipeline = awaitStatus(this.aliceToken, id, "failed");
		JsonNode job = pipeline.path("jobs").get(0);
		assertThat(job.path("status").asText()).isEqualTo("failed");
		assertThat(job.path("attempts").asInt()).isEqualTo(3);
		assertThat(job.path("error").asText()).contains("failed after 3 attempts")
			.contains("simulated failure of step discovery");
		assertThat(this.workers.calls.get(job.path("id").asText()).get()).isEqualTo(3);
		List<JobEvent> failures = this.redis.xrange(JobEvents.STREAM, "-", "+")
			.stream()
			.filter((entry) -> job.path("id").asText().equals(entry.getFields().get("jobId")))
			.map((entry) -> JobEvent.fromFields(entry.getFields()))
			.filter((event) -> event.kind() == JobEvent.Kind.FAILED)
			.toList();
		assertThat(failures).hasSize(3).noneMatch(JobEvent::retrying);
		assertThat(pipeline.path("error").asText()).contains("step 'discovery'");
		assertThat(pipeline.path("jobs").get(1).path("status").asText()).isEqualTo("cancelled");
		List<Double> gaps = this.jdbc.sql(
				"SELECT EXTRACT(EPOCH FROM available_at - created_at)::float8 FROM outbox WHERE job_id = :id ORDER BY attempt")
			.param("id", UUID.fromString(job.path("id").asText()))
			.query(Double.class)
			.list();
		assertThat(gaps).hasSize(3);
		assertThat(gaps.get(0)).isLessThan(0.05);
		assertThat(gaps.get(1)).isBetween(0.09, 0.2);
		assertThat(gaps.get(2)).isBetween(0.19, 0.3);
		try (SseClient stream = SseClient.open(this.port, API + "/pipelines/" + id + "/events", this.aliceToken)) {
			SseClient.Event snapshot = stream.next(Duration.ofSeconds(5));
			assertThat(snapshot.name()).isEqualTo("snapshot");
			assertThat(snapshot.data().path("status").asText()).isEqualTo("failed");
			assertThat(snapshot.data().path("jobs").size()).isEqualTo(2);
			assertThat(stream.next(Duration.ofSeconds(5)).name()).as("an ended pipeline's stream closes")
				.isEqualTo("<closed>");
		}
	}

	@Test
	void aPoisonEventIsDeadLetteredAndALaterEventOfAnotherJobIsStillApplied() {
		JsonNode stuck = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "discovery", "params", Map.of("mode", "hang"))));
		String stuckId = stuck.path("id").asText();
		String stuckJob = stuck.path("jobs").get(0).path("id").asText();
		awaitJobStatus(this.aliceToken, stuckId, "running");
		// PostgreSQL refuses a NUL character in text every time: this event can never be
		// applied
		String poison = this.redis
			.xadd(JobEvents.STREAM, StreamEntryID.NEW_ENTRY,
					new JobEvent(JobEvent.Kind.PROGRESS, stuckJob, PREFIX + "discovery", 1, 0.5, "half\u0000way", null,
							false, null)
						.toFields())
			.toString();
		String later = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "discovery", "params", Map.of("delayMs", 50))))
			.path("id")
			.asText();
		JsonNode completed = awaitStatus(this.aliceToken, later, "completed");
		assertThat(completed.path("jobs").get(0).path("status").asText()).isEqualTo("completed");
		StreamEntry[] dead = new StreamEntry[1];
		await("the poison event is dead-lettered", () -> {
			dead[0] = this.redis.xrange(JobEvents.STREAM + ":dead", "-", "+")
				.stream()
				.filter((entry) -> poison.equals(entry.getFields().get("originalId"))
						&& GROUP.equals(entry.getFields().get("group")))
				.findFirst()
				.orElse(null);
			return dead[0] != null;
		});
		assertThat(dead[0].getFields()).containsEntry("jobId", stuckJob)
			.containsEntry("deliveries", "3")
			.containsEntry("stream", JobEvents.STREAM);
		assertThat(dead[0].getFields().get("error")).contains("0x00");
		assertThat(this.http.post(API + "/pipelines/" + stuckId + "/cancel", this.aliceToken, null).status())
			.isEqualTo(200);
		this.redis.xdel(JobEvents.STREAM + ":dead", dead[0].getID());
	}

	@Test
	void cancelReachesTheRunningWorkerAndCancelsThePipeline() {
		JsonNode submitted = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "discovery", "params", Map.of("mode", "hang"))));
		String id = submitted.path("id").asText();
		String jobId = submitted.path("jobs").get(0).path("id").asText();
		awaitJobStatus(this.aliceToken, id, "running");
		assertThat(this.http.post(API + "/pipelines/" + id + "/cancel", this.bobToken, null).status()).isEqualTo(404);
		Http.Response cancelled = this.http.post(API + "/pipelines/" + id + "/cancel", this.aliceToken, null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
		assertThat(cancelled.json().path("jobs").get(0).path("status").asText()).isEqualTo("cancelled");
		await("the worker's JobContext.cancelled() became true", () -> this.workers.sawCancel.contains(jobId));
		try (AuditStream audit = audit()) {
			assertThat(audit.await("pipeline.cancel", id).path("actor").asText()).isEqualTo(this.alice);
			assertThat(audit.await("pipeline.cancelled", id).path("actor").asText()).isEqualTo(this.alice);
		}
		assertThat(this.http.post(API + "/pipelines/" + id + "/cancel", this.aliceToken, null).status()).isEqualTo(200);
	}

	@Test
	void aJobThatOutlivesItsTimeoutFailsWithAClearReason() {
		JsonNode submitted = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "symbolic", "params", Map.of("mode", "hang"))));
		String id = submitted.path("id").asText();
		String jobId = submitted.path("jobs").get(0).path("id").asText();
		assertThat(submitted.path("jobs").get(0).path("timeoutSeconds").asLong()).isEqualTo(1);
		JsonNode pipeline = awaitStatus(this.aliceToken, id, "failed");
		JsonNode job = pipeline.path("jobs").get(0);
		assertThat(job.path("status").asText()).isEqualTo("failed");
		assertThat(job.path("error").asText())
			.startsWith("timed out: step 'symbolic' (symbolic) ran longer than its timeout of PT1S")
			.contains("physforge.orchestration.timeouts.symbolic");
		assertThat(pipeline.path("error").asText()).isEqualTo(job.path("error").asText());
		await("the worker was told to stop", () -> this.workers.sawCancel.contains(jobId));
	}

	@Test
	void aJobWhoseStreamRedisLostIsRepublishedFromPostgres() {
		JsonNode submitted = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "experiment", "params", Map.of())));
		String jobId = submitted.path("jobs").get(0).path("id").asText();
		String stream = JobQueue.streamFor(PREFIX + "experiment");
		awaitEntry(PREFIX + "experiment", jobId);
		this.redis.del(stream);
		StreamEntry again = awaitEntry(PREFIX + "experiment", jobId);
		assertThat(readJson(again.getFields().get("payload")).path("jobId").asText()).isEqualTo(jobId);
		assertThat(again.getFields().get("idempotencyKey")).startsWith(jobId + ":1");
		// the re-publisher adds the entry before its transaction counting it commits
		JsonNode[] job = new JsonNode[1];
		await("the job counts the re-publish", () -> {
			job[0] = show(this.aliceToken, submitted.path("id").asText()).json().path("jobs").get(0);
			return job[0].path("republished").asInt() >= 1;
		});
		assertThat(job[0].path("status").asText()).isEqualTo("queued");
	}

	@Test
	void anotherUsersPipelineIsNotFoundAndAnAdminSeesIt() throws Exception {
		JsonNode submitted = submit(this.aliceToken, UUID.randomUUID(),
				List.of(Map.of("type", "experiment", "params", Map.of())));
		String id = submitted.path("id").asText();
		Http.Response hidden = show(this.bobToken, id);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.json().path("type").asText()).isEqualTo("https://physforge.dev/problems/pipeline-not-found");
		assertThat(this.http.post(API + "/pipelines/" + id + "/cancel", this.bobToken, null).status()).isEqualTo(404);
		try (SseClient stream = SseClient.open(this.port, API + "/pipelines/" + id + "/events", this.bobToken)) {
			assertThat(stream.status()).isEqualTo(404);
		}
		assertThat(this.http.get(API + "/pipelines?size=100", this.bobToken).json().path("items").toString())
			.doesNotContain(id);
		String admin = TestJwks.shared().token(UUID.randomUUID().toString(), "ADMIN");
		assertThat(show(admin, id).status()).isEqualTo(200);
		assertThat(show(this.aliceToken, id).status()).isEqualTo(200);
		assertThat(this.http.get(API + "/pipelines/" + id, null).status()).isEqualTo(401);
	}

	@Test
	void listIsPaginatedNewestFirst() {
		String carol = UUID.randomUUID().toString();
		String token = TestJwks.shared().token(carol, "RESEARCHER");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(submit(token, UUID.randomUUID(), List.of(Map.of("type", "experiment"))).path("id").asText());
		}
		JsonNode first = this.http.get(API + "/pipelines?page=0&size=2", token).json();
		assertThat(first.path("totalItems").asLong()).isEqualTo(3);
		assertThat(first.path("totalPages").asInt()).isEqualTo(2);
		assertThat(first.path("items").get(0).path("id").asText()).isEqualTo(ids.get(2));
		assertThat(first.path("items").get(1).path("id").asText()).isEqualTo(ids.get(1));
		JsonNode second = this.http.get(API + "/pipelines?page=1&size=2", token).json();
		assertThat(second.path("items").size()).isEqualTo(1);
		assertThat(second.path("items").get(0).path("id").asText()).isEqualTo(ids.get(0));
		Http.Response bad = this.http.get(API + "/pipelines?page=-1&size=1000", token);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("errors").size()).isEqualTo(2);
	}

	@Test
	void anInvalidDagIsRejectedWithEveryOffendingFieldAndNothingIsStored() {
		String dave = UUID.randomUUID().toString();
		String token = TestJwks.shared().token(dave, "RESEARCHER");
		Http.Response response = this.http.post(API + "/pipelines", token,
				Map.of("steps",
						List.of(Map.of("id", "a", "type", "discovery", "dependsOn", List.of("c")),
								Map.of("id", "b", "type", "fourier", "dependsOn", List.of("a")),
								Map.of("id", "c", "type", "report", "dependsOn", List.of("a", "nope")))));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo("https://physforge.dev/problems/validation");
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		assertThat(fields).containsExactlyInAnyOrder("datasetId", "steps[1].type", "steps[2].dependsOn[1]",
				"steps[0].dependsOn");
		assertThat(problem.path("detail").asText()).contains("fourier").contains("cycle");
		assertThat(this.jdbc.sql("SELECT count(*) FROM pipeline WHERE owner_id = :owner")
			.param("owner", dave)
			.query(Long.class)
			.single()).isZero();
		String viewer = TestJwks.shared().token(UUID.randomUUID().toString(), "VIEWER");
		assertThat(this.http
			.post(API + "/pipelines", viewer,
					Map.of("datasetId", UUID.randomUUID().toString(), "steps", List.of(Map.of("type", "discovery"))))
			.status()).isEqualTo(403);
	}

	@Test
	void aDataSetTheCallerCannotSeeIsNotFoundAndNothingIsStored() {
		UUID alicesDataSet = UUID.randomUUID();
		DATA.register(alicesDataSet, this.aliceToken);
		int before = DATA.lookups();
		Http.Response response = this.http.post(API + "/pipelines", this.bobToken,
				Map.of("datasetId", alicesDataSet.toString(), "steps", List.of(Map.of("type", "discovery"))));
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.json().path("detail").asText()).contains(alicesDataSet.toString());
		assertThat(DATA.lookups()).isEqualTo(before + 1);
		Http.Response unknown = this.http.post(API + "/pipelines", this.aliceToken,
				Map.of("datasetId", UUID.randomUUID().toString(), "steps", List.of(Map.of("type", "discovery"))));
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM pipeline WHERE owner_id = :owner OR dataset_id = :dataset")
			.param("owner", this.bob)
			.param("dataset", alicesDataSet)
			.query(Long.class)
			.single()).isZero();
	}

	private JsonNode submit(String token, UUID dataset, List<Map<String, Object>> steps) {
		DATA.register(dataset, token);
		Http.Response response = this.http.post(API + "/pipelines", token,
				Map.of("datasetId", dataset.toString(), "steps", steps));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.header("Location")).endsWith(response.json().path("id").asText());
		return response.json();
	}

	private Http.Response show(String token, String id) {
		return this.http.get(API + "/pipelines/" + id, token);
	}

	private JsonNode awaitStatus(String token, String id, String status) {
		JsonNode[] last = new JsonNode[1];
		await("pipeline " + id + " " + status, () -> {
			last[0] = show(token, id).json();
			return status.equals(last[0].path("status").asText());
		});
		return last[0];
	}

	private void awaitJobStatus(String token, String id, String status) {
		await("first job of " + id + " " + status,
				() -> status.equals(show(token, id).json().path("jobs").get(0).path("status").asText()));
	}

	private StreamEntry awaitEntry(String queue, String jobId) {
		StreamEntry[] found = new StreamEntry[1];
		await("a message of job " + jobId + " on " + JobQueue.streamFor(queue), () -> {
			for (StreamEntry entry : this.redis.xrange(JobQueue.streamFor(queue), "-", "+", 1000)) {
				if (jobId.equals(entry.getFields().get("jobId"))) {
					found[0] = entry;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	private static JsonNode readJson(String text) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The audit events this JVM's services recorded. */
	private static AuditStream audit() {
		return AuditStream.ofThisJvm(TestServers.infra().redis().url().toString());
	}

	private static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out after 20 s waiting until " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("interrupted");
			}
		}
	}

}
