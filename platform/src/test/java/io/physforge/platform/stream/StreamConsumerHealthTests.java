package io.physforge.platform.stream;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import io.physforge.platform.stream.StreamConsumerHealth.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health of stream consumers: DOWN with the reason while Redis is unreachable, UP while
 * consuming, and every consumer of a context in {@code /actuator/health} (only where
 * actuator is on the class path).
 */
class StreamConsumerHealthTests {

	private static final StreamTestRedis redis = new StreamTestRedis();

	@AfterEach
	void cleanUp() {
		redis.cleanUp();
	}

	@AfterAll
	static void close() {
		redis.close();
	}

	@Test
	void healthIsDownWithTheReasonWhileRedisIsUnreachableAndTheActuatorShowsIt() throws IOException {
		try (JedisPooled nowhere = new JedisPooled("127.0.0.1", closedPort())) {
			StreamConsumer unreachable = redis
				.started(new StreamConsumer(nowhere, settings(redis.stream("unreachable")), (message) -> {
				}));
			StreamConsumer consuming = redis
				.started(new StreamConsumer(redis.redis, settings(redis.stream("up")), (message) -> {
				}));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				StreamConsumerHealth health = unreachable.health();
				assertThat(health.state()).isEqualTo(State.DOWN);
				assertThat(health.reason())
					.startsWith("cannot consume " + health.stream() + ": JedisConnectionException");
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> consuming.health().state() == State.UP);
			// the loop keeps trying: still running, still DOWN
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(2))
				.until(() -> unreachable.isRunning() && unreachable.health().state() == State.DOWN);
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StreamHealthAutoConfiguration.class))
				.withBean("unreachable", StreamConsumer.class, () -> unreachable)
				.withBean("owner", ConsumesStream.class, () -> () -> consuming)
				.run((context) -> {
					CompositeHealthContributor all = context.getBean("streamConsumersHealthContributor",
							CompositeHealthContributor.class);
					assertThat(all.stream().map(NamedContributor::getName)).containsExactlyInAnyOrder(
							"test-group@" + unreachable.settings().stream(),
							"test-group@" + consuming.settings().stream());
					Health down = ((HealthIndicator) all
						.getContributor("test-group@" + unreachable.settings().stream())).health();
					assertThat(down.getStatus()).isEqualTo(Status.DOWN);
					assertThat((String) down.getDetails().get("reason")).contains("JedisConnectionException");
					Health up = ((HealthIndicator) all.getContributor("test-group@" + consuming.settings().stream()))
						.health();
					assertThat(up.getStatus()).isEqualTo(Status.UP);
				});
			// the context stopped the consumer bean it holds (a lifecycle)
			assertThat(unreachable.isRunning()).isFalse();
			assertThat(unreachable.health().state()).isEqualTo(State.STOPPED);
		}
	}

	@Test
	void withoutActuatorThereIsNoHealthContributor() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StreamHealthAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(CompositeHealthContributor.class))
			.run((context) -> assertThat(context).doesNotHaveBean("streamConsumersHealthContributor"));
	}

	private static StreamConsumerSettings settings(String stream) {
		return StreamConsumerSettings.builder(stream, "test-group")
			.pollTimeout(Duration.ofMillis(100))
			.restartBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
			.build();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
