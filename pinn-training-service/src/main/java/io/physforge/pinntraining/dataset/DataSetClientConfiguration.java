package io.physforge.pinntraining.dataset;

import io.physforge.platform.dataset.DataSetClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The data set look-up in data-service at {@code physforge.pinn.data.uri}
 * ({@code PF_DATA_URI}) with its read timeout {@code physforge.pinn.data.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataServiceProperties.class)
public class DataSetClientConfiguration {

	@Bean
	DataSetClient dataSetClient(RestClient.Builder builder, DataServiceProperties properties) {
		return new DataSetClient(builder, properties.uri(), properties.timeout());
	}

}
