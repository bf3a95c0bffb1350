package io.physforge.platform.web;

import io.physforge.platform.web.internal.InfoController;
import io.physforge.platform.web.internal.RequestIdFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The info endpoint and the request-id filter for servlet services.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceProperties.class)
public class PlatformWebAutoConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "physforge.web.info", name = "enabled", havingValue = "true", matchIfMissing = true)
	@ConditionalOnProperty(prefix = "physforge.service", name = "api-prefix")
	InfoController physforgeInfoController(ServiceProperties service, ObjectProvider<BuildProperties> build) {
		String version = service.version();
		if (version == null) {
			BuildProperties properties = build.getIfAvailable();
			version = (properties != null) ? properties.getVersion()
					: InfoController.class.getPackage().getImplementationVersion();
		}
		return new InfoController(service, (version != null) ? version : "dev");
	}

	@Bean
	@ConditionalOnProperty(prefix = "physforge.web.request-id", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	FilterRegistrationBean<RequestIdFilter> physforgeRequestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
