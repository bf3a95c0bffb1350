package io.physforge.derivative.worker;

import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.JobWorker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link JobWorker} on the derivatives stream; it starts with the application when
 * {@code physforge.queue.consume} is true (the default).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerConfiguration {

	@Bean
	JobWorker derivativesWorker(JobQueue queue, WorkerProperties properties, DerivativeJobHandler handler) {
		return queue.worker(properties.stream(), properties.group(), handler);
	}

}
