package io.physforge.derivative;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * derivative-service: derivative feature sets (finite difference, polynomial, spectral,
 * PINN autodiff).
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
@EnableConfigurationProperties(DerivativeProperties.class)
public class DerivativeServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DerivativeServiceApplication.class, args);
	}

}
