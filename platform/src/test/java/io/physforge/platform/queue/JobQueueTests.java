package io.physforge.platform.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.physforge.platform.stream.StreamConsumerHealth;
import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

import static io.physforge.platform.queue.QueueTestSupport.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The queue against a real Redis (found on 127.0.0.1:6379 or started embedded).
 */
class JobQueueTests {

	private static LocalInfrastructure infra;

	private static JedisPooled redis;

	private final List<String> types = new ArrayList<>();

	private final List<JobWorker> workers = new ArrayList<>();

	@BeforeAll
	static void connect() {
		infra = LocalInfrastructure.create();
		redis = new JedisPooled(infra.redis().url());
	}

	@AfterAll
	static void disconnect() {
		redis.close();
		infra.close();
	}

	@AfterEach
	void cleanUp() {
		this.workers.forEach((worker) -> worker.stop(Duration.ofSeconds(5)));
		this.types.forEach((type) -> QueueTestSupport.cleanUp(redis, type));
	}

	@Test
	void publishedJobsAreConsumedAcknowledgedAndReported() {
		String type = type("basic");
		JobQueue queue = queue(QueueSettings.defaults());
		List<JobMessage> seen = Collections.synchronizedList(new ArrayList<>());
		worker(queue.worker(type, (message, context) -> {
			context.progress(0.5, "half way");
			seen.add(message);
		})).start();
		List<JobMessage> published = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			JobMessage message = JobMessage.create(type, null, "{\"n\":" + i + "}");
			assertThat(queue.publish(message)).isTrue();
			published.add(message);
		}
		awaitTrue("3 jobs handled", Duration.ofSeconds(10), () -> seen.size() == 3);
		String stream = JobQueue.streamFor(type);
		awaitTrue("stream drained", Duration.ofSeconds(5),
				() -> redis.xlen(stream) == 0 && redis.xpending(stream, JobQueue.groupFor(type)).getTotal() == 0);
		assertThat(seen).extracting(JobMessage::payload).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
		assertThat(seen).extracting(JobMessage::attempt).containsOnly(1);
		assertThat(seen).extracting(JobMessage::jobId)
			.containsExactlyElementsOf(published.stream().map(JobMessage::jobId).toList());
		for (JobMessage message : published) {
			assertThat(queue.isCompleted(stream, message.idempotencyKey())).isTrue();
			assertThat(eventKinds(message.jobId())).containsExactly(JobEvent.Kind.PROGRESS, JobEvent.Kind.COMPLETED);
		}
	}

	@Test
	void duplicatePublishOfAnIdempotencyKeyIsDropped() {
		String type = type("dup");
		JobQueue queue = queue(QueueSettings.defaults());
		assertThat(queue.publish(JobMessage.create(type, "dataset-1:fd", "{}"))).isTrue();
		assertThat(queue.publish(JobMessage.create(type, "dataset-1:fd", "{}"))).isFalse();
		assertThat(queue.publish(JobMessage.create(type, "dataset-2:fd", "{}"))).isTrue();
		assertThat(redis.xlen(JobQueue.streamFor(type))).isEqualTo(2);
	}

	@Test
	void completedJobDeliveredAgainIsAcknowledgedWithoutRunningAgain() {
		String type = type("ledger");
		JobQueue queue = queue(QueueSettings.defaults());
		AtomicInteger runs = new AtomicInteger();
		worker(queue.worker(type, (message, context) -> runs.incrementAndGet())).start();
		JobMessage message = JobMessage.create(type, "once", "{}");
		queue.publish(message);
		String stream = JobQueue.streamFor(type);
		awaitTrue("first delivery done", Duration.ofSeconds(10),
				() -> runs.get() == 1 && redis.xlen(stream) == 0 && queue.isCompleted(stream, "once"));
		// the same job reaches the stream again behind the publish check (say a relay
		// retried)
		redis.xadd(stream, StreamEntryID.NEW_ENTRY, message.toFields());
		awaitTrue("duplicate acknowledged", Duration.ofSeconds(10),
				() -> redis.xlen(stream) == 0 && redis.xpending(stream, JobQueue.groupFor(type)).getTotal() == 0);
		assertThat(runs).hasValue(1);
		assertThat(eventKinds(message.jobId())).containsExactly(JobEvent.Kind.COMPLETED, JobEvent.Kind.COMPLETED);
	}

	@Test
	void failingJobIsNotRetriedByTheWorkerButDeadLetteredWithItsError() throws InterruptedException {
		String type = type("fail");
		JobQueue queue = queue(QueueSettings.defaults().withLease(Duration.ofSeconds(1)));
		List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
		worker(queue.worker(type, (message, context) -> {
			attempts.add(message.attempt());
			throw new IllegalStateException("solver diverged on attempt " + message.attempt());
		})).start();
		JobMessage message = JobMessage.create(type, null, "{\"x\":1}");
		queue.publish(message);
		String dead = JobQueue.deadLetterStream(JobQueue.streamFor(type));
		String stream = JobQueue.streamFor(type);
		awaitTrue("dead-lettered", Duration.ofSeconds(15), () -> redis.xlen(dead) == 1);
		// longer than the lease: the worker does not run it again (the orchestrator owns
		// retries)
		Thread.sleep(1500);
		assertThat(attempts).containsExactly(1);
		StreamEntry entry = redis.xrange(dead, "-", "+").get(0);
		Map<String, String> fields = entry.getFields();
		assertThat(fields).containsEntry("jobId", message.jobId())
			.containsEntry("payload", "{\"x\":1}")
			.containsEntry("deliveries", "1")
			.containsEntry("error", "IllegalStateException: solver diverged on attempt 1");
		assertThat(redis.xlen(stream)).isZero();
		assertThat(redis.xpending(stream, JobQueue.groupFor(type)).getTotal()).isZero();
		List<JobEvent> failures = QueueTestSupport.events(redis, message.jobId());
		assertThat(failures).extracting(JobEvent::kind).containsOnly(JobEvent.Kind.FAILED);
		assertThat(failures).extracting(JobEvent::retrying).containsExactly(false);
		assertThat(queue.isCompleted(stream, message.idempotencyKey())).isFalse();
	}

	@Test
	void aHandlerThrowingAnErrorFailsItsJobAndTheWorkerKeepsConsuming() {
		String type = type("error");
		JobQueue queue = queue(QueueSettings.defaults().withLease(Duration.ofSeconds(1)));
		List<String> ran = Collections.synchronizedList(new ArrayList<>());
		JobWorker worker = worker(queue.worker(type, (message, context) -> {
			ran.add(message.payload());
			if (message.payload().contains("nd4j")) {
				throw new ExceptionInInitializerError("ND4J backend failed to load");
			}
		}));
		worker.start();
		JobMessage broken = JobMessage.create(type, null, "{\"nd4j\":true}");
		queue.publish(broken);
		awaitTrue("failed event", Duration.ofSeconds(10),
				() -> eventKinds(broken.jobId()).contains(JobEvent.Kind.FAILED));
		assertThat(QueueTestSupport.events(redis, broken.jobId())).singleElement().satisfies((event) -> {
			assertThat(event.retrying()).isFalse();
			assertThat(event.error()).isEqualTo("ExceptionInInitializerError: ND4J backend failed to load");
		});
		assertThat(worker.streamConsumer().health().reason())
			.isEqualTo("handler failed with ExceptionInInitializerError: ND4J backend failed to load");
		JobMessage next = JobMessage.create(type, null, "{\"n\":2}");
		queue.publish(next);
		awaitTrue("the next job completed", Duration.ofSeconds(10),
				() -> eventKinds(next.jobId()).contains(JobEvent.Kind.COMPLETED));
		assertThat(ran).containsExactly("{\"nd4j\":true}", "{\"n\":2}");
		assertThat(worker.isRunning()).isTrue();
		assertThat(worker.streamConsumer().health().state()).isEqualTo(StreamConsumerHealth.State.UP);
		assertThat(redis.xrange(worker.deadLetterStream(), "-", "+")).singleElement()
			.satisfies((entry) -> assertThat(entry.getFields()).containsEntry("jobId", broken.jobId())
				.containsEntry("error", "ExceptionInInitializerError: ND4J backend failed to load"));
	}

	@Test
	void permanentFailureIsDeadLetteredAtOnceWithoutRetrying() throws InterruptedException {
		String type = type("permanent");
		JobQueue queue = queue(QueueSettings.defaults().withLease(Duration.ofSeconds(1)));
		AtomicInteger runs = new AtomicInteger();
		worker(queue.worker(type, (message, context) -> {
			runs.incrementAndGet();
			// wrapped: the worker looks through the cause chain
			throw new IllegalStateException("reading failed",
					new PermanentJobFailure("field 'u' has 3 NaN values at t[4]; clean the data and upload again"));
		})).start();
		JobMessage message = JobMessage.create(type, null, "{}");
		queue.publish(message);
		String stream = JobQueue.streamFor(type);
		String dead = JobQueue.deadLetterStream(stream);
		awaitTrue("dead-lettered", Duration.ofSeconds(10), () -> redis.xlen(dead) == 1);
		// longer than the lease and retry delay: no second attempt comes
		Thread.sleep(1500);
		assertThat(runs).hasValue(1);
		assertThat(redis.xrange(dead, "-", "+").get(0).getFields()).containsEntry("deliveries", "1")
			.containsEntry("error", "field 'u' has 3 NaN values at t[4]; clean the data and upload again");
		assertThat(redis.xlen(stream)).isZero();
		List<JobEvent> events = QueueTestSupport.events(redis, message.jobId());
		assertThat(events).hasSize(1);
		assertThat(events.get(0).kind()).isEqualTo(JobEvent.Kind.FAILED);
		assertThat(events.get(0).retrying()).isFalse();
		assertThat(events.get(0).permanent()).isTrue();
		assertThat(JobEvent.fromFields(events.get(0).toFields())).isEqualTo(events.get(0));
	}

	@Test
	void failureOfACancelledJobIsNotRetried() {
		String type = type("cancel");
		JobQueue queue = queue(QueueSettings.defaults().withLease(Duration.ofSeconds(1)));
		AtomicInteger runs = new AtomicInteger();
		JobMessage message = JobMessage.create(type, null, "{}");
		worker(queue.worker(type, (m, context) -> {
			runs.incrementAndGet();
			queue.cancel(m.jobId());
			awaitTrue("cancellation seen", Duration.ofSeconds(5), context::cancelled);
			throw new InterruptedException("stopped: cancelled");
		})).start();
		queue.publish(message);
		awaitTrue("cancelled event", Duration.ofSeconds(10),
				() -> eventKinds(message.jobId()).contains(JobEvent.Kind.CANCELLED));
		String stream = JobQueue.streamFor(type);
		awaitTrue("acknowledged", Duration.ofSeconds(5), () -> redis.xlen(stream) == 0);
		assertThat(runs).hasValue(1);
		assertThat(redis.xlen(JobQueue.deadLetterStream(stream))).isZero();
		redis.del("pf:cancel:" + message.jobId());
	}

	@Test
	void badJobsAndSettingsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobMessage.create("Bad Type", null, "{}"))
			.withMessageContaining("Invalid job type 'Bad Type'");
		assertThatIllegalArgumentException().isThrownBy(() -> QueueSettings.defaults().withMaxDeliveries(0))
			.withMessageContaining("physforge.queue.max-deliveries");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobMessage.fromFields(Map.of("type", "x", "payload", "{}"), 1))
			.withMessageContaining("Malformed job message");
	}

	private String type(String name) {
		String type = QueueTestSupport.uniqueType(name);
		this.types.add(type);
		return type;
	}

	private JobWorker worker(JobWorker worker) {
		this.workers.add(worker);
		return worker;
	}

	private static JobQueue queue(QueueSettings settings) {
		return new JobQueue(redis, settings, new JobEvents(redis, 100_000));
	}

	private static List<JobEvent.Kind> eventKinds(String jobId) {
		return QueueTestSupport.events(redis, jobId).stream().map(JobEvent::kind).toList();
	}

}
