package io.physforge.derivative.dataset;

import io.physforge.derivative.DerivativeProperties;
import io.physforge.platform.dataset.DataSetClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The data set look-up in data-service at {@code physforge.derivative.data-uri}
 * ({@code PF_DATA_URI}).
 */
@Configuration(proxyBeanMethods = false)
public class DataSetClientConfiguration {

	@Bean
	DataSetClient dataSetClient(RestClient.Builder builder, DerivativeProperties properties) {
		return new DataSetClient(builder, properties.dataUri());
	}

}
