package io.physforge.pinntraining.dataset;

import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.dataset.DataSetClient;
import io.physforge.platform.storage.ObjectStorage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The data set look-up in data-service (and the reader of canonical forms in bucket
 * {@code datasets}) at {@code physforge.pinn.data.uri} ({@code PF_DATA_URI}) with its
 * read timeout {@code physforge.pinn.data.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataServiceProperties.class)
public class DataSetClientConfiguration {

	@Bean
	DataSetClient dataSetClient(RestClient.Builder builder, DataServiceProperties properties) {
		return new DataSetClient(builder, properties.uri(), properties.timeout());
	}

	@Bean
	CanonicalDataSetReader canonicalDataSetReader(ObjectStorage storage) {
		return new CanonicalDataSetReader(storage, "pinn");
	}

}
