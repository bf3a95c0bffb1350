package io.physforge.platform.queue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.physforge.suite.infra.LocalInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's auto-configuration: beans from properties, the switch, clear errors.
 */
class QueueAutoConfigurationTests {

	private static LocalInfrastructure infra;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisClientAutoConfiguration.class, QueueAutoConfiguration.class));

	@BeforeAll
	static void start() {
		infra = LocalInfrastructure.create();
	}

	@AfterAll
	static void stop() {
		infra.close();
	}

	@Test
	void queueBeansUseTheConfiguredRedisAndSettings() {
		this.runner
			.withPropertyValues("physforge.redis.url=" + infra.redis().url(), "physforge.queue.lease=2s",
					"physforge.queue.max-deliveries=5", "physforge.queue.worker-threads=2")
			.run((context) -> {
				assertThat(context).hasSingleBean(JobQueue.class).hasSingleBean(JobEvents.class);
				assertThat(context.getBean(UnifiedJedis.class).ping()).isEqualTo("PONG");
				QueueSettings settings = context.getBean(JobQueue.class).settings();
				assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.maxDeliveries()).isEqualTo(5);
				assertThat(settings.workerThreads()).isEqualTo(2);
			});
	}

	@Test
	void queueCanBeSwitchedOffAndAnOwnRedisClientWins() {
		try (JedisPooled own = new JedisPooled(infra.redis().url())) {
			this.runner.withBean(UnifiedJedis.class, () -> own)
				.withPropertyValues("physforge.queue.enabled=false")
				.run((context) -> {
					assertThat(context).doesNotHaveBean(JobQueue.class).doesNotHaveBean(JobEvents.class);
					assertThat(context.getBean(UnifiedJedis.class)).isSameAs(own);
				});
		}
	}

	@Test
	void workerBeanStartsWithTheContextAndStopsWithIt() {
		AtomicReference<JobWorker> started = new AtomicReference<>();
		try (JedisPooled redis = new JedisPooled(infra.redis().url())) {
			this.runner.withUserConfiguration(WorkerConfiguration.class)
				.withPropertyValues("physforge.redis.url=" + infra.redis().url(), "physforge.queue.poll-timeout=100ms")
				.run((context) -> {
					JobWorker worker = context.getBean(JobWorker.class);
					started.set(worker);
					assertThat(worker.isRunning()).isTrue();
					context.getBean(JobQueue.class).publish(JobMessage.create(WorkerConfiguration.TYPE, null, "{}"));
					QueueTestSupport.awaitTrue("handled", Duration.ofSeconds(10),
							() -> WorkerConfiguration.RUNS.get() == 1);
				});
			assertThat(started.get().isRunning()).isFalse();
			this.runner.withUserConfiguration(WorkerConfiguration.class)
				.withPropertyValues("physforge.redis.url=" + infra.redis().url(), "physforge.queue.consume=false")
				.run((context) -> assertThat(context.getBean(JobWorker.class).isRunning()).isFalse());
			QueueTestSupport.cleanUp(redis, WorkerConfiguration.TYPE);
		}
	}

	@Test
	void badSettingsFailStartWithTheProperty() {
		this.runner.withPropertyValues("physforge.redis.url=http://nowhere", "physforge.queue.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("physforge.redis.url / PF_REDIS_URL"));
		this.runner.withPropertyValues("physforge.redis.url=" + infra.redis().url(), "physforge.queue.max-deliveries=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("physforge.queue.max-deliveries must be >= 1"));
		this.runner.withPropertyValues("physforge.redis.url=" + infra.redis().url(), "physforge.queue.poll-timeout=10s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"physforge.queue.poll-timeout (PT10S) must be shorter than physforge.redis.timeout"));
	}

	@Configuration(proxyBeanMethods = false)
	static class WorkerConfiguration {

		static final String TYPE = QueueTestSupport.uniqueType("bean");

		static final AtomicInteger RUNS = new AtomicInteger();

		@Bean
		JobWorker worker(JobQueue queue) {
			return queue.worker(TYPE, (message, context) -> RUNS.incrementAndGet());
		}

	}

}
