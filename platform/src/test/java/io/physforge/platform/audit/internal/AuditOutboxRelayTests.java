package io.physforge.platform.audit.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditOutbox;
import io.physforge.platform.audit.AuditProperties;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AuditOutboxRelay} against the real PostgreSQL and a Redis it starts and kills:
 * an outage or a full stream keeps the rows, and every event arrives exactly once.
 */
class AuditOutboxRelayTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String stream = "pf:audit:test-" + UUID.randomUUID();

	private final AuditOutbox outbox = new AuditOutbox();

	private final AuditRecorder recorder = new AuditRecorder(this.outbox.dataSource(), "test-service");

	private Process redisServer;

	private AuditOutboxRelay relay;

	@AfterEach
	void cleanUp() throws Exception {
		if (this.relay != null) {
			this.relay.stop();
		}
		if (this.redisServer != null) {
			this.redisServer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		this.outbox.close();
	}

	@Test
	void whileRedisIsDownRowsStayAndOnceItIsBackEveryEventArrivesExactlyOnce() throws Exception {
		int port = freePort();
		this.redisServer = startRedis(port);
		try (JedisPooled redis = new JedisPooled(new HostAndPort("127.0.0.1", port),
				DefaultJedisClientConfig.builder().timeoutMillis(500).build())) {
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> "PONG".equals(redis.ping()));
			this.relay = new AuditOutboxRelay(this.outbox.dataSource(), redis, properties(1_000_000));
			Set<String> recorded = new HashSet<>();
			recorded.add(record("first"));
			assertThat(this.relay.relayOnce()).isEqualTo(1);

			this.redisServer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			for (int i = 0; i < 5; i++) {
				recorded.add(record("while-down-" + i));
			}
			assertThat(this.relay.relayOnce()).isZero();
			assertThat(this.outbox.rows()).isEqualTo(5);

			this.redisServer = startRedis(port);
			this.relay.start();
			await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> this.outbox.rows() == 0);
			// the new server started empty: the five events of the outage arrive, once
			// each
			List<StreamEntry> entries = redis.xrange(this.stream, "-", "+");
			Set<String> arrived = new HashSet<>();
			for (StreamEntry entry : entries) {
				arrived.add(JSON.readTree(entry.getFields().get("event")).get("eventId").asText());
			}
			assertThat(entries).hasSize(5);
			assertThat(recorded).containsAll(arrived);
			assertThat(arrived).hasSize(5);
			assertThat(this.relay.relayOnce()).isZero();
			assertThat(redis.xlen(this.stream)).isEqualTo(5);
		}
	}

	@Test
	void atTheCapNothingIsRelayedAndTheRowsWait() {
		LocalInfrastructure infra = LocalInfrastructure.create();
		try (JedisPooled redis = new JedisPooled(infra.redis().url())) {
			this.relay = new AuditOutboxRelay(this.outbox.dataSource(), redis, properties(3));
			for (int i = 0; i < 5; i++) {
				record("event-" + i);
			}
			assertThat(this.relay.relayOnce()).isEqualTo(3);
			assertThat(this.relay.relayOnce()).isZero();
			assertThat(this.outbox.rows()).isEqualTo(2);
			assertThat(redis.xlen(this.stream)).isEqualTo(3);

			redis.xtrim(this.stream, 0, false); // the consumer drained the stream
			assertThat(this.relay.relayOnce()).isEqualTo(2);
			assertThat(this.outbox.rows()).isZero();
		}
		finally {
			try (JedisPooled redis = new JedisPooled(infra.redis().url())) {
				redis.del(this.stream);
			}
			infra.close();
		}
	}

	@Test
	void relaysInIdOrder() throws Exception {
		LocalInfrastructure infra = LocalInfrastructure.create();
		try (JedisPooled redis = new JedisPooled(infra.redis().url())) {
			this.relay = new AuditOutboxRelay(this.outbox.dataSource(), redis, properties(1_000_000));
			String first = record("a");
			String second = record("b");
			assertThat(this.relay.relayOnce()).isEqualTo(2);
			List<StreamEntry> entries = redis.xrange(this.stream, "-", "+");
			assertThat(JSON.readTree(entries.get(0).getFields().get("event")).get("eventId").asText()).isEqualTo(first);
			assertThat(JSON.readTree(entries.get(1).getFields().get("event")).get("eventId").asText())
				.isEqualTo(second);
			redis.del(this.stream);
		}
		finally {
			infra.close();
		}
	}

	@Test
	void twoRelaysOnOneOutboxPublishEveryRowExactlyOnce() throws Exception {
		LocalInfrastructure infra = LocalInfrastructure.create();
		try (JedisPooled redis = new JedisPooled(infra.redis().url())) {
			AuditProperties small = new AuditProperties(true, this.stream, 1_000_000, Duration.ofMillis(100), 50);
			AuditOutboxRelay first = new AuditOutboxRelay(this.outbox.dataSource(), redis, small);
			AuditOutboxRelay second = new AuditOutboxRelay(this.outbox.dataSource(), redis, small);
			Set<String> recorded = new HashSet<>();
			for (int i = 0; i < 600; i++) {
				recorded.add(record("r" + i));
			}
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Integer>> relayed = pool.invokeAll(List.of(() -> drain(first), () -> drain(second)));
				assertThat(relayed.get(0).get() + relayed.get(1).get()).isEqualTo(600);
			}
			finally {
				pool.shutdownNow();
			}
			Set<String> arrived = new HashSet<>();
			List<StreamEntry> entries = redis.xrange(this.stream, "-", "+");
			for (StreamEntry entry : entries) {
				arrived.add(JSON.readTree(entry.getFields().get("event")).get("eventId").asText());
			}
			assertThat(entries).hasSize(600);
			assertThat(arrived).isEqualTo(recorded);
			redis.del(this.stream);
		}
		finally {
			infra.close();
		}
	}

	private int drain(AuditOutboxRelay relay) {
		int total = 0;
		while (this.outbox.rows() > 0) {
			total += relay.relayOnce();
		}
		return total;
	}

	private String record(String resourceId) {
		return this.recorder.record(AuditEvent.builder("dataset.upload", "dataset").resourceId(resourceId))
			.eventId()
			.toString();
	}

	private AuditProperties properties(long cap) {
		return new AuditProperties(true, this.stream, cap, Duration.ofMillis(100), 500);
	}

	private static Process startRedis(int port) throws IOException {
		return new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
