package io.physforge.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.security.PlatformJwt;
import io.physforge.platform.security.PlatformSecurityAutoConfiguration;
import io.physforge.platform.security.Roles;
import io.physforge.platform.security.SecurityProperties;
import io.physforge.platform.security.internal.ProblemSecurityHandlers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator endpoints other than health (Prometheus, metrics, info, ...) answer ADMIN
 * tokens only: 401 without a token, 403 for any other role. {@code /actuator/health}
 * stays public for launchers and probes;
 * {@code physforge.security.prometheus-public=true} ({@code PF_PROMETHEUS_PUBLIC}) opens
 * {@code /actuator/prometheus} to a scraper on a private network.
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "physforge.security", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(JwtDecoder.class)
public class ActuatorSecurityAutoConfiguration {

	@Bean
	@Order(PlatformSecurityAutoConfiguration.FILTER_CHAIN_ORDER - 1)
	SecurityFilterChain physforgeActuatorFilterChain(HttpSecurity http, SecurityProperties properties,
			JwtDecoder decoder, ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<AuditRecorder> audit)
			throws Exception {
		ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(objectMapper.getIfAvailable(ObjectMapper::new),
				audit::getIfAvailable);
		http.securityMatcher("/actuator/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
				if (properties.prometheusPublic()) {
					requests.requestMatchers("/actuator/prometheus").permitAll();
				}
				requests.anyRequest().hasRole(Roles.ADMIN);
			})
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(PlatformJwt.authenticationConverter()))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
		return http.build();
	}

}
