package io.physforge.orchestration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * orchestration-service: pipelines (DAG of steps), job lifecycle, retries, cancellation,
 * progress, server-sent events.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
public class OrchestrationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrchestrationServiceApplication.class, args);
	}

}
