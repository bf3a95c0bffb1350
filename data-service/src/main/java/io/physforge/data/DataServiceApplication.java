package io.physforge.data;

import io.physforge.core.io.ReadLimits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * data-service: data sets: upload, validation, metadata, previews, synthetic data from
 * simulators.
 *
 * <p>
 * Security, problem responses, the job queue, storage and audit come from the
 * {@code platform} auto-configuration; this service only adds its own features.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties({ DataProperties.class, ReadLimitsProperties.class })
public class DataServiceApplication {

	/**
	 * @param properties {@code physforge.data.read-limits.*}
	 * @return the limits uploads are read with
	 */
	@Bean
	ReadLimits readLimits(ReadLimitsProperties properties) {
		return properties.toReadLimits();
	}

	public static void main(String[] args) {
		SpringApplication.run(DataServiceApplication.class, args);
	}

}
