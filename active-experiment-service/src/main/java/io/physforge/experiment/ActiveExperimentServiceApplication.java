package io.physforge.experiment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * active-experiment-service: experiment campaigns, ask/tell Bayesian optimisation, closed
 * loops with simulators.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
public class ActiveExperimentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ActiveExperimentServiceApplication.class, args);
	}

}
