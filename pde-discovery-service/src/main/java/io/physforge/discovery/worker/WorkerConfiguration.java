package io.physforge.discovery.worker;

import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.JobWorker;
import io.physforge.platform.storage.ObjectStorage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link JobWorker} on the discovery stream; it starts with the application when
 * {@code physforge.queue.consume} is true (the default), and the reader of its data sets'
 * canonical forms.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerConfiguration {

	@Bean
	JobWorker discoveryWorker(JobQueue queue, WorkerProperties properties, DiscoveryJobHandler handler) {
		return queue.worker(properties.stream(), properties.group(), handler);
	}

	@Bean
	CanonicalDataSetReader canonicalDataSetReader(ObjectStorage storage) {
		return new CanonicalDataSetReader(storage, "discovery");
	}

}
