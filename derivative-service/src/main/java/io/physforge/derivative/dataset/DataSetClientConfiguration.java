package io.physforge.derivative.dataset;

import io.physforge.derivative.DerivativeProperties;
import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.dataset.DataSetClient;
import io.physforge.platform.storage.ObjectStorage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The data set look-up in data-service (and the reader of canonical forms in bucket
 * {@code datasets}) at {@code physforge.derivative.data-uri} ({@code PF_DATA_URI}).
 */
@Configuration(proxyBeanMethods = false)
public class DataSetClientConfiguration {

	@Bean
	DataSetClient dataSetClient(RestClient.Builder builder, DerivativeProperties properties) {
		return new DataSetClient(builder, properties.dataUri());
	}

	@Bean
	CanonicalDataSetReader canonicalDataSetReader(ObjectStorage storage) {
		return new CanonicalDataSetReader(storage, "derivative");
	}

}
