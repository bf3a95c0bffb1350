package io.physforge.audit.retention;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.physforge.audit.AuditLogProperties;
import io.physforge.audit.keys.AuditKeys;
import io.physforge.audit.log.EventLogRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs retention every {@code physforge.audit.checkpoint-interval} when
 * {@code physforge.audit.retention} is set (the timer does nothing otherwise).
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);

	@Bean
	AuditRetention auditRetention(DataSource dataSource, EventLogRows rows, AuditKeys keys) {
		return new AuditRetention(dataSource, rows, keys, Clock.systemUTC());
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService auditRetentionTimer(AuditRetention retention, AuditLogProperties properties) {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "audit-retention");
			thread.setDaemon(true);
			return thread;
		});
		long period = properties.checkpointInterval().toMillis();
		timer.scheduleWithFixedDelay(() -> {
			try {
				if (properties.retention() != null) {
					retention.apply(Clock.systemUTC().instant().minus(properties.retention()));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Audit retention failed (retried in {} ms): {}", period, ex.getMessage());
			}
		}, period, period, TimeUnit.MILLISECONDS);
		return timer;
	}

}
