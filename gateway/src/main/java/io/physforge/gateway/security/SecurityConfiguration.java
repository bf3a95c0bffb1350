package io.physforge.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Edge security: every request needs a valid bearer token except the public auth
 * endpoints, health, the gateway's own OpenAPI document, and CORS preflights; the other
 * Actuator endpoints (Prometheus) need an ADMIN token. Tokens must be RS256-signed by a
 * key in the JWKS, unexpired, from the configured issuer and for the configured audience;
 * anything else (forged signature, {@code alg=none}, wrong issuer or audience) is
 * answered 401 before it reaches a service. Services check the token again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewaySecurityProperties properties,
			ProblemResponses problems) {
		String[] publicPaths = properties.publicPaths().toArray(String[]::new);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.cors((cors) -> {
			})
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.OPTIONS)
				.permitAll()
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
						"/v3/api-docs/**")
				.permitAll()
				.pathMatchers("/actuator/**")
				.hasRole("ADMIN")
				.pathMatchers(publicPaths)
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((oauth2) -> oauth2
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles())))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.authenticationFailureHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	/** The {@code roles} claim as {@code ROLE_<ROLE>} authorities, as in the services. */
	private static JwtAuthenticationConverter roles() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> authorities.convert(jwt)
			.stream()
			.map((authority) -> (GrantedAuthority) new SimpleGrantedAuthority(
					authority.getAuthority().toUpperCase(Locale.ROOT)))
			.toList());
		return converter;
	}

	@Bean
	ProblemResponses problemResponses() {
		return new ProblemResponses();
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(properties.audience()));
		// the services' rules (platform PlatformJwt): exp and sub are required too
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
						audience, new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
						new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull)));
		// a failure to fetch the keys is not the token's fault: surface it as a plain
		// JwtException, which becomes a 503 (ProblemResponses), not a 401 or a 500
		return (token) -> decoder.decode(token)
			.onErrorMap((ex) -> !(ex instanceof JwtException),
					(ex) -> new JwtException("Cannot fetch the signing keys from " + properties.jwksUri(), ex));
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(GatewaySecurityProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
				"X-Request-Id", "Last-Event-ID"));
		cors.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.LOCATION, HttpHeaders.CONTENT_DISPOSITION,
				"X-RateLimit-Remaining", HttpHeaders.RETRY_AFTER));
		cors.setAllowCredentials(true);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
