package io.physforge.audit.log;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.physforge.audit.AuditLogProperties;
import io.physforge.audit.keys.AuditKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The log's beans: keys, SQL, ingest (opened at start: key published, frontier rebuilt)
 * and the timed checkpoint every {@code physforge.audit.checkpoint-interval}.
 */
@Configuration(proxyBeanMethods = false)
class LogConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LogConfiguration.class);

	@Bean
	AuditKeys auditKeys(AuditLogProperties properties) {
		return AuditKeys.load(properties);
	}

	@Bean
	EventLogRows eventLogRows(AuditLogProperties properties) {
		return new EventLogRows(properties.fetchSize());
	}

	@Bean
	AuditIngest auditIngest(DataSource dataSource, EventLogRows rows, AuditKeys keys, AuditLogProperties properties)
			throws SQLException {
		AuditIngest ingest = new AuditIngest(dataSource, rows, keys, properties.checkpointEvery(), Clock.systemUTC());
		ingest.start();
		return ingest;
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService auditCheckpointTimer(AuditIngest ingest, AuditLogProperties properties) {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "audit-checkpoint");
			thread.setDaemon(true);
			return thread;
		});
		long period = properties.checkpointInterval().toMillis();
		timer.scheduleWithFixedDelay(() -> {
			try {
				ingest.checkpointNow();
			}
			catch (RuntimeException ex) {
				log.warn("Timed audit checkpoint failed (retried in {} ms): {}", period, ex.getMessage());
			}
		}, period, period, TimeUnit.MILLISECONDS);
		return timer;
	}

}
