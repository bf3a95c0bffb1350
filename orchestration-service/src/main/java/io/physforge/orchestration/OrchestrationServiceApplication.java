package io.physforge.orchestration;

import io.physforge.orchestration.config.OrchestrationProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * orchestration-service: pipelines (DAG of steps), job lifecycle, retries, cancellation,
 * progress, server-sent events.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
@EnableConfigurationProperties(OrchestrationProperties.class)
public class OrchestrationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrchestrationServiceApplication.class, args);
	}

}
