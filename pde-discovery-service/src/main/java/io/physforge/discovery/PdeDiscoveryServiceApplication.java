package io.physforge.discovery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * pde-discovery-service: sparse, weak-form, ensemble and symbolic discovery runs and
 * their equations.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
public class PdeDiscoveryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PdeDiscoveryServiceApplication.class, args);
	}

}
