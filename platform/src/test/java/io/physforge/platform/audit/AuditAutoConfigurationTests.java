package io.physforge.platform.audit;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.audit.internal.AuditOutboxRelay;
import io.physforge.platform.queue.RedisClientAutoConfiguration;
import io.physforge.suite.infra.LocalInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit auto-configuration: recorder and relay where a DataSource exists, the
 * platform migration added to the service's Flyway locations, nothing without a
 * DataSource or when switched off.
 */
class AuditAutoConfigurationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static LocalInfrastructure infra;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisClientAutoConfiguration.class, AuditAutoConfiguration.class));

	@BeforeAll
	static void start() {
		infra = LocalInfrastructure.create();
	}

	@AfterAll
	static void stop() {
		infra.close();
	}

	@Test
	void withADataSourceTheRecordedEventReachesTheConfiguredStream() {
		String stream = "pf:audit:test-" + UUID.randomUUID();
		try (AuditOutbox outbox = new AuditOutbox(); JedisPooled redis = new JedisPooled(infra.redis().url())) {
			this.runner.withBean(DataSource.class, outbox::dataSource)
				.withPropertyValues("physforge.redis.url=" + infra.redis().url(), "physforge.audit.stream=" + stream,
						"physforge.service.name=sample-service", "spring.flyway.default-schema=" + outbox.schema())
				.run((context) -> {
					assertThat(context).hasSingleBean(AuditRecorder.class).hasSingleBean(AuditOutboxRelay.class);
					AuditEvent event = context.getBean(AuditRecorder.class)
						.record(AuditEvent.builder("dataset.upload", "dataset").resourceId("7"));
					await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(stream) == 1);
					String json = redis.xrange(stream, "-", "+").get(0).getFields().get("event");
					assertThat(JSON.readTree(json).get("eventId").asText()).isEqualTo(event.eventId().toString());
					assertThat(JSON.readTree(json).get("service").asText()).isEqualTo("sample-service");
					assertThat(outbox.rows()).isZero();
				});
			redis.del(stream);
		}
	}

	@Test
	void thePlatformMigrationJoinsTheServicesFlywayLocations() {
		try (AuditOutbox outbox = new AuditOutbox()) {
			this.runner.withBean(DataSource.class, outbox::dataSource)
				.withPropertyValues("physforge.redis.url=" + infra.redis().url())
				.run((context) -> {
					FluentConfiguration configuration = Flyway.configure().locations("classpath:db/migration");
					context.getBeanProvider(FlywayConfigurationCustomizer.class)
						.orderedStream()
						.forEach((customizer) -> customizer.customize(configuration));
					assertThat(Arrays.stream(configuration.getLocations()).map(Location::getDescriptor))
						.containsExactly("classpath:db/migration", AuditAutoConfiguration.MIGRATIONS);
				});
		}
	}

	@Test
	void withoutADataSourceOrSwitchedOffThereIsNoRecorder() {
		this.runner.withPropertyValues("physforge.redis.url=" + infra.redis().url())
			.run((context) -> assertThat(context).doesNotHaveBean(AuditRecorder.class)
				.doesNotHaveBean(AuditOutboxRelay.class));
		try (AuditOutbox outbox = new AuditOutbox()) {
			this.runner.withBean(DataSource.class, outbox::dataSource)
				.withPropertyValues("physforge.audit.enabled=false")
				.run((context) -> assertThat(context).doesNotHaveBean(AuditRecorder.class));
		}
	}

}
