package io.physforge.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * reporting-service: PDF, LaTeX, HTML and JSON reports with plots.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
public class ReportingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReportingServiceApplication.class, args);
	}

}
