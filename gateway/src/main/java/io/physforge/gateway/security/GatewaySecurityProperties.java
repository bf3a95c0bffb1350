package io.physforge.gateway.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings of the gateway ({@code physforge.gateway.security.*}).
 *
 * @param jwksUri where auth-service publishes its signing keys
 * @param issuer the required {@code iss} claim
 * @param audience the audience every token must carry in {@code aud}
 * @param publicPaths path patterns that need no token (login, register, refresh, JWKS)
 * @param corsAllowedOrigins browser origins allowed to call the API (the dashboard)
 */
@ConfigurationProperties("physforge.gateway.security")
public record GatewaySecurityProperties(URI jwksUri, @DefaultValue("physforge-auth") String issuer,
		@DefaultValue("physforge") String audience, List<String> publicPaths, List<String> corsAllowedOrigins) {

	public GatewaySecurityProperties {
		if (jwksUri == null) {
			throw new IllegalArgumentException(
					"physforge.gateway.security.jwks-uri is not set: set PF_JWKS_URI to auth-service's "
							+ "/api/auth/.well-known/jwks.json");
		}
		publicPaths = (publicPaths != null) ? List.copyOf(publicPaths) : List.of();
		corsAllowedOrigins = (corsAllowedOrigins != null) ? List.copyOf(corsAllowedOrigins) : List.of();
	}

}
