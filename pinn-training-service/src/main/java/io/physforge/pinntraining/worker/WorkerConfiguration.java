package io.physforge.pinntraining.worker;

import io.physforge.pinntraining.job.PinnQueueProperties;
import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.JobWorker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link JobWorker} on the training stream; it starts with the application when
 * {@code physforge.queue.consume} is true (the default).
 */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

	@Bean
	JobWorker pinnWorker(JobQueue queue, PinnQueueProperties properties, PinnJobHandler handler) {
		return queue.worker(properties.stream(), properties.group(), handler);
	}

}
