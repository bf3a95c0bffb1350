package io.physforge.orchestration.dataset;

import io.physforge.orchestration.config.OrchestrationProperties;
import io.physforge.platform.dataset.DataSetClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The data set look-up in data-service at {@code physforge.orchestration.data-uri}
 * ({@code PF_DATA_URI}).
 */
@Configuration(proxyBeanMethods = false)
public class DataSetClientConfiguration {

	@Bean
	DataSetClient dataSetClient(RestClient.Builder builder, OrchestrationProperties properties) {
		return new DataSetClient(builder, properties.dataUri());
	}

}
