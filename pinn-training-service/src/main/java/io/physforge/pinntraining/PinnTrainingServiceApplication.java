package io.physforge.pinntraining;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * pinn-training-service: PINN training jobs and checkpoints.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
public class PinnTrainingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PinnTrainingServiceApplication.class, args);
	}

}
