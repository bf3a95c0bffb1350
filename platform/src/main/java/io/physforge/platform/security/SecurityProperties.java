package io.physforge.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform's JWT resource server ({@code physforge.security.*}).
 *
 * @param enabled whether the platform secures the service; when {@code false} every
 * request is let through (local experiments only)
 * @param jwksUri where auth-service publishes its public keys ({@code PF_JWKS_URI})
 * @param issuer the required {@code iss} claim ({@code PF_JWT_ISSUER})
 * @param audience a value the {@code aud} claim must contain ({@code PF_JWT_AUDIENCE})
 * @param publicPaths extra Ant patterns answered without a token, such as a login
 * endpoint; health, {@code /v3/api-docs/**} and {@code /error} are always open
 * @param prometheusPublic whether {@code /actuator/prometheus} is open for scrapers (it
 * is not routed by the gateway)
 * @param clockSkew tolerance applied to {@code exp} and {@code nbf}
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is
 * believed ({@code PF_TRUSTED_PROXIES}, comma-separated; default loopback, where the
 * gateway runs); see {@link TrustedProxies}
 * @param revocationCacheFor how long a service reuses a revocation lookup, so at most
 * this long passes before a revocation takes effect ({@link TokenRevocations})
 */
@ConfigurationProperties("physforge.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled, @DefaultValue(DEFAULT_JWKS_URI) String jwksUri,
		@DefaultValue(DEFAULT_ISSUER) String issuer, @DefaultValue(DEFAULT_AUDIENCE) String audience, @DefaultValue( {
		}) List<String> publicPaths, @DefaultValue("true") boolean prometheusPublic,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue({ "127.0.0.0/8", "::1" }) List<String> trustedProxies,
		@DefaultValue("1s") Duration revocationCacheFor){

	/**
	 * Trusted proxies when neither the property nor {@code PF_TRUSTED_PROXIES} is set.
	 */
	public static final String DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,::1";

	/** JWKS location when neither the property nor {@code PF_JWKS_URI} is set. */
	public static final String DEFAULT_JWKS_URI = "http://127.0.0.1:8081/api/auth/.well-known/jwks.json";

	/** Issuer when neither the property nor {@code PF_JWT_ISSUER} is set. */
	public static final String DEFAULT_ISSUER = "physforge-auth";

	/** Audience when neither the property nor {@code PF_JWT_AUDIENCE} is set. */
	public static final String DEFAULT_AUDIENCE = "physforge";

	/** Paths open in every service. */
	public static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**", "/v3/api-docs",
			"/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error");

}
