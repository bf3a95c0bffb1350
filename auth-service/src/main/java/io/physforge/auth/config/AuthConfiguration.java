package io.physforge.auth.config;

import java.util.Map;

import io.physforge.auth.keys.SigningKeys;
import io.physforge.platform.security.PlatformJwt;
import io.physforge.platform.security.SecurityProperties;
import io.physforge.platform.security.TokenRevocations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Beans of auth-service: the password encoder and a token decoder backed by the
 * in-process key store (no HTTP call to its own JWKS), with the platform's validators.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration {

	/**
	 * BCrypt, stored with a {@code {bcrypt}} prefix so the algorithm can change later
	 * without invalidating stored hashes.
	 */
	@Bean
	PasswordEncoder passwordEncoder(AuthProperties properties) {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security, TokenRevocations revocations) {
		return PlatformJwt.decoder(keys, security, revocations);
	}

}
