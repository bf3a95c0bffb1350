package io.physforge.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.web.internal.BodyLimitFilter;
import io.physforge.platform.web.internal.CheckedMultipartResolver;
import io.physforge.platform.web.internal.InfoController;
import io.physforge.platform.web.internal.PageParameterCheck;
import io.physforge.platform.web.internal.RequestIdFilter;
import io.physforge.platform.web.internal.SecurityHeadersFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The info endpoint and the edge of servlet services: request ids, security headers, the
 * body size limit, checked multipart file names and the page-range check.
 */
@AutoConfiguration(before = MultipartAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ ServiceProperties.class, WebEdgeProperties.class })
public class PlatformWebAutoConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageParameterCheck());
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> physforgeSecurityHeadersFilter(WebEdgeProperties properties) {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter(properties));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodyLimitFilter> physforgeBodyLimitFilter(WebEdgeProperties properties,
			ObjectProvider<ObjectMapper> json) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(properties.maxBodySize().toBytes(), json.getIfAvailable(ObjectMapper::new)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
	@ConditionalOnMissingBean(MultipartResolver.class)
	CheckedMultipartResolver multipartResolver(Environment environment) {
		CheckedMultipartResolver resolver = new CheckedMultipartResolver();
		resolver
			.setResolveLazily(environment.getProperty("spring.servlet.multipart.resolve-lazily", Boolean.class, false));
		return resolver;
	}

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
