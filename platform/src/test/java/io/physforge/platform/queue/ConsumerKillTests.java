package io.physforge.platform.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

import static io.physforge.platform.queue.QueueTestSupport.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer killed mid-message (SIGKILL of a child JVM): its message is re-claimed by a
 * live consumer after the lease and processed exactly once; a message whose consumers
 * keep dying is dead-lettered after {@code max-deliveries} deliveries, with the reason
 * and a {@code failed} event.
 */
class ConsumerKillTests {

	private static final Duration LEASE = Duration.ofSeconds(1);

	private static LocalInfrastructure infra;

	private static JedisPooled redis;

	private final List<Process> children = new ArrayList<>();

	private final List<JobWorker> workers = new ArrayList<>();

	private final List<String> types = new ArrayList<>();

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
		this.children.forEach(Process::destroyForcibly);
		this.workers.forEach((worker) -> worker.stop(Duration.ofSeconds(5)));
		this.types.forEach((type) -> QueueTestSupport.cleanUp(redis, type));
	}

	@Test
	void messageOfAKilledConsumerIsReclaimedAndProcessedExactlyOnce() throws Exception {
		String type = type("kill");
		String stream = JobQueue.streamFor(type);
		String group = JobQueue.groupFor(type);
		JobQueue queue = new JobQueue(redis, settings("survivor"), new JobEvents(redis, 100_000));
		JobMessage job = JobMessage.create(type, "dataset-7:derivatives", "{\"dataset\":7}");
		assertThat(queue.publish(job)).isTrue();

		String signal = "test:" + type + ":signal";
		Process doomed = startStuckConsumer(type, signal, "doomed");
		awaitTrue("the child consumer is mid-message", Duration.ofSeconds(30), () -> redis.exists(signal));
		assertThat(redis.get(signal)).isEqualTo(doomed.pid() + ":1");
		assertThat(pending(stream, group)).singleElement()
			.satisfies((entry) -> assertThat(entry.getConsumerName()).isEqualTo("doomed-0"));

		AtomicInteger runs = new AtomicInteger();
		List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
		worker(queue.worker(type, (message, context) -> {
			attempts.add(message.attempt());
			redis.incr("test:" + type + ":side-effects");
			runs.incrementAndGet();
		})).start();
		// while the child lives it renews its lease: the survivor must not steal the job
		Thread.sleep(3 * LEASE.toMillis());
		assertThat(runs).hasValue(0);

		doomed.destroyForcibly();
		assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(doomed.exitValue()).isEqualTo(137);

		awaitTrue("the survivor re-claimed and ran the job", Duration.ofSeconds(10), () -> runs.get() == 1);
		awaitTrue("the job is acknowledged", Duration.ofSeconds(5), () -> pending(stream, group).isEmpty());
		// longer than several leases: nothing is delivered again
		Thread.sleep(3 * LEASE.toMillis());
		assertThat(runs).hasValue(1);
		assertThat(attempts).containsExactly(2);
		assertThat(redis.get("test:" + type + ":side-effects")).isEqualTo("1");
		assertThat(redis.xlen(stream)).isZero();
		assertThat(redis.exists(JobQueue.deadLetterStream(stream))).isFalse();
		assertThat(queue.isCompleted(stream, job.idempotencyKey())).isTrue();
		assertThat(QueueTestSupport.events(redis, job.jobId())).extracting(JobEvent::kind)
			.containsExactly(JobEvent.Kind.COMPLETED);
	}

	@Test
	void messageWhoseConsumersKeepDyingIsDeadLetteredAfterMaxDeliveries() throws Exception {
		String type = type("doomed");
		String stream = JobQueue.streamFor(type);
		String group = JobQueue.groupFor(type);
		JobQueue queue = new JobQueue(redis, settings("survivor").withMaxDeliveries(2), new JobEvents(redis, 100_000));
		JobMessage job = JobMessage.create(type, null, "{}");
		queue.publish(job);
		for (int attempt = 1; attempt <= 2; attempt++) {
			String signal = "test:" + type + ":signal-" + attempt;
			Process child = startStuckConsumer(type, signal, "doomed" + attempt);
			awaitTrue("child " + attempt + " is mid-message", Duration.ofSeconds(30), () -> redis.exists(signal));
			assertThat(redis.get(signal)).isEqualTo(child.pid() + ":" + attempt);
			child.destroyForcibly();
			assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
		}
		AtomicInteger runs = new AtomicInteger();
		worker(queue.worker(type, (message, context) -> runs.incrementAndGet())).start();
		String dead = JobQueue.deadLetterStream(stream);
		awaitTrue("dead-lettered", Duration.ofSeconds(10), () -> redis.xlen(dead) == 1);
		assertThat(runs).hasValue(0);
		StreamEntry entry = redis.xrange(dead, "-", "+").get(0);
		assertThat(entry.getFields()).containsEntry("jobId", job.jobId())
			.containsEntry("deliveries", "2")
			.containsEntry("error", "the consumer stopped or died during each of 2 deliveries");
		assertThat(pending(stream, group)).isEmpty();
		awaitTrue("failed event", Duration.ofSeconds(5),
				() -> QueueTestSupport.events(redis, job.jobId())
					.stream()
					.anyMatch((e) -> e.kind() == JobEvent.Kind.FAILED));
		assertThat(QueueTestSupport.events(redis, job.jobId())).singleElement().satisfies((event) -> {
			assertThat(event.kind()).isEqualTo(JobEvent.Kind.FAILED);
			assertThat(event.retrying()).isFalse();
			assertThat(event.error()).isEqualTo("the consumer stopped or died during each of 2 deliveries");
		});
	}

	private QueueSettings settings(String consumer) {
		return QueueSettings.defaults().withLease(LEASE).withConsumerName(consumer);
	}

	private Process startStuckConsumer(String type, String signal, String consumer) throws IOException {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		Path log = Files.createDirectories(Paths.get("target", "child-consumers"))
			.resolve(consumer + "-" + type + ".log");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), StuckConsumerMain.class.getName(),
				infra.redis().url().toString(), type, signal, consumer, Long.toString(LEASE.toMillis()));
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process process = builder.start();
		this.children.add(process);
		return process;
	}

	private static List<StreamPendingEntry> pending(String stream, String group) {
		return redis.xpending(stream, group, XPendingParams.xPendingParams().count(10));
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

}
