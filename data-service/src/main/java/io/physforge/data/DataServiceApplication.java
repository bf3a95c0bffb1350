package io.physforge.data;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * data-service: data sets: upload, validation, metadata, previews, synthetic data from
 * simulators.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
public class DataServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DataServiceApplication.class, args);
	}

}
