package io.physforge.platform.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.physforge.platform.audit.internal.AuditOutboxRelay;
import io.physforge.platform.queue.RedisClientAutoConfiguration;
import org.flywaydb.core.api.Location;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The audit outbox of a service with a database: the {@link AuditRecorder}, the relay
 * that publishes the outbox to Redis (where a Redis client exists), and the platform's
 * migration {@value #MIGRATIONS} (table {@code audit_outbox}) added to the service's
 * Flyway locations, so no service copies it. Services without a {@link DataSource} (the
 * gateway) get none of it. Off with {@code physforge.audit.enabled=false}.
 */
@AutoConfiguration(after = { RedisClientAutoConfiguration.class, DataSourceAutoConfiguration.class },
		before = FlywayAutoConfiguration.class)
@ConditionalOnProperty(prefix = "physforge.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

	/** The Flyway location of the platform's own (repeatable) migrations. */
	public static final String MIGRATIONS = "classpath:db/platform";

	@Bean
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnMissingBean
	AuditRecorder auditRecorder(DataSource dataSource, Environment environment) {
		String service = environment.getProperty("physforge.service.name",
				environment.getProperty("spring.application.name", "unknown-service"));
		return new AuditRecorder(dataSource, service, outboxSchema(environment));
	}

	@Bean
	@ConditionalOnBean({ DataSource.class, UnifiedJedis.class })
	@ConditionalOnMissingBean
	AuditOutboxRelay auditOutboxRelay(DataSource dataSource, UnifiedJedis redis, AuditProperties properties,
			Environment environment) {
		return new AuditOutboxRelay(dataSource, redis, properties, outboxSchema(environment));
	}

	/**
	 * The schema the platform migration creates {@code audit_outbox} in: the service's
	 * Flyway default schema (else the first of its schemas), so the table is found
	 * whatever the connection's search path; {@code null} (the connection's schema)
	 * without one.
	 */
	private static String outboxSchema(Environment environment) {
		String schema = environment.getProperty("spring.flyway.default-schema");
		if (schema == null || schema.isBlank()) {
			String schemas = environment.getProperty("spring.flyway.schemas", "");
			schema = schemas.split(",")[0].trim();
		}
		return schema.isBlank() ? null : schema;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	static class PlatformMigrations {

		@Bean
		FlywayConfigurationCustomizer platformAuditMigrations() {
			return (configuration) -> {
				List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
				Location platform = new Location(MIGRATIONS);
				if (!locations.contains(platform)) {
					locations.add(platform);
				}
				configuration.locations(locations.toArray(Location[]::new));
			};
		}

	}

}
