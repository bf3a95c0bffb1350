package io.physforge.platform.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.physforge.platform.audit.AuditProperties;
import io.physforge.platform.security.SecurityProperties;
import io.physforge.platform.web.WebEdgeProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the platform's defaults as the lowest-precedence property source, so that every
 * service reads the shared environment variables ({@code PF_JWKS_URI},
 * {@code PF_JWT_ISSUER}, {@code PF_JWT_AUDIENCE}) without repeating them in its
 * {@code application.yml}, and exposes health, info and Prometheus metrics (metrics for
 * ADMIN tokens only unless {@code physforge.security.prometheus-public=true}). Request
 * headers up to {@code PF_MAX_HEADER_SIZE} (64KB) are read, so an oversized header such
 * as a 10 KB {@code X-Request-Id} is replaced rather than refused with 431. Anything a
 * service or the environment sets wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	/** Name of the property source. */
	public static final String SOURCE_NAME = "physforgePlatformDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("physforge.security.jwks-uri", "${PF_JWKS_URI:" + SecurityProperties.DEFAULT_JWKS_URI + "}");
		defaults.put("physforge.security.issuer", "${PF_JWT_ISSUER:" + SecurityProperties.DEFAULT_ISSUER + "}");
		defaults.put("physforge.security.audience", "${PF_JWT_AUDIENCE:" + SecurityProperties.DEFAULT_AUDIENCE + "}");
		defaults.put("physforge.security.trusted-proxies",
				"${PF_TRUSTED_PROXIES:" + SecurityProperties.DEFAULT_TRUSTED_PROXIES + "}");
		defaults.put("physforge.audit.stream", "${PF_AUDIT_STREAM:" + AuditProperties.STREAM + "}");
		defaults.put("physforge.audit.stream-max-length", "${PF_AUDIT_STREAM_MAX_LENGTH:1000000}");
		defaults.put("physforge.security.prometheus-public", "${PF_PROMETHEUS_PUBLIC:false}");
		defaults.put("physforge.web.edge.max-body-size", "${PF_MAX_BODY_SIZE:1MB}");
		defaults.put("physforge.web.edge.content-security-policy",
				"${PF_CONTENT_SECURITY_POLICY:" + WebEdgeProperties.DEFAULT_CSP + "}");
		defaults.put("server.max-http-request-header-size", "${PF_MAX_HEADER_SIZE:64KB}");
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}

}
