package io.physforge.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.queue.RedisClientAutoConfiguration;
import io.physforge.platform.security.internal.ProblemSecurityHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * The platform's JWT resource server for servlet services.
 * <p>
 * With {@code physforge.security.enabled=true} (the default): stateless, CSRF off (bearer
 * tokens only), RS256 tokens checked against {@code physforge.security.jwks-uri} with
 * {@link PlatformJwt#validator}, {@code roles} as authorities, method security on, 401
 * and 403 as problem details. A service may supply its own {@link JwtDecoder} (as
 * auth-service does). Tokens of users revoked in Redis are refused
 * ({@link TokenRevocations}). With {@code false}: every request is let through and a
 * warning is logged.
 */
@AutoConfiguration(after = RedisClientAutoConfiguration.class,
		before = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				OAuth2ResourceServerAutoConfiguration.class },
		beforeName = "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TrustedProxies physforgeTrustedProxies(SecurityProperties properties) {
		return new TrustedProxies(properties.trustedProxies());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(UnifiedJedis.class)
	TokenRevocations physforgeTokenRevocations(UnifiedJedis redis, SecurityProperties properties) {
		return new TokenRevocations(redis, properties.revocationCacheFor());
	}

	@Bean
	FilterRegistrationBean<ClientAddressFilter> physforgeClientAddressFilter(TrustedProxies proxies) {
		FilterRegistrationBean<ClientAddressFilter> registration = new FilterRegistrationBean<>(
				new ClientAddressFilter(proxies));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static final Logger log = LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class);

	/**
	 * Order of the platform's filter chain: late, so a service may put narrower chains
	 * first.
	 */
	public static final int FILTER_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "physforge.security", name = "enabled", havingValue = "true", matchIfMissing = true)
	@EnableMethodSecurity
	static class ResourceServer {

		@Bean
		@ConditionalOnMissingBean(JwtDecoder.class)
		JwtDecoder physforgeJwtDecoder(SecurityProperties properties, ObjectProvider<TokenRevocations> revocations) {
			SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
			requestFactory.setConnectTimeout(Duration.ofSeconds(3));
			requestFactory.setReadTimeout(Duration.ofSeconds(5));
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.restOperations(new RestTemplate(requestFactory))
				.build();
			TokenRevocations revoked = revocations.getIfAvailable();
			decoder.setJwtValidator(
					(revoked != null) ? PlatformJwt.validator(properties, revoked) : PlatformJwt.validator(properties));
			return decoder;
		}

		@Bean
		@Order(FILTER_CHAIN_ORDER)
		SecurityFilterChain physforgeSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
				JwtDecoder decoder, ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<AuditRecorder> audit)
				throws Exception {
			ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(
					objectMapper.getIfAvailable(ObjectMapper::new), audit::getIfAvailable);
			List<String> open = new ArrayList<>(SecurityProperties.ALWAYS_PUBLIC);
			if (properties.prometheusPublic()) {
				open.add("/actuator/prometheus");
			}
			open.addAll(properties.publicPaths());
			http.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(AbstractHttpConfigurer::disable)
				.formLogin(AbstractHttpConfigurer::disable)
				.httpBasic(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable)
				.authorizeHttpRequests((requests) -> requests.requestMatchers(open.toArray(String[]::new))
					.permitAll()
					.anyRequest()
					.authenticated())
				.oauth2ResourceServer((server) -> server
					.jwt((jwt) -> jwt.decoder(decoder)
						.jwtAuthenticationConverter(PlatformJwt.authenticationConverter()))
					.authenticationEntryPoint(handlers)
					.accessDeniedHandler(handlers)
					.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
						@Override
						public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
							filter.setAuthenticationFailureHandler(handlers);
							return filter;
						}
					}))
				.exceptionHandling(
						(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "physforge.security", name = "enabled", havingValue = "false")
	static class Open {

		@Bean
		@Order(FILTER_CHAIN_ORDER)
		SecurityFilterChain physforgeOpenFilterChain(HttpSecurity http) throws Exception {
			log.warn("physforge.security.enabled=false: every request is let through without a token. "
					+ "Use this for local experiments only.");
			http.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

}
