package io.physforge.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and headers every servlet service applies at its edge
 * ({@code physforge.web.edge.*}).
 *
 * @param maxBodySize largest JSON, text or form body accepted ({@code PF_MAX_BODY_SIZE});
 * larger ones are answered 413 before anything is stored. Multipart and binary bodies
 * have their own limits (the container's multipart settings, the endpoint's checks)
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer
 * ({@code PF_CONTENT_SECURITY_POLICY})
 * @param referrerPolicy the {@code Referrer-Policy} of every answer
 */
@ConfigurationProperties("physforge.web.edge")
public record WebEdgeProperties(@DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue(DEFAULT_CSP) String contentSecurityPolicy, @DefaultValue("no-referrer") String referrerPolicy) {

	/** Scripts, styles and everything else from the same origin only; never framed. */
	public static final String DEFAULT_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

	public WebEdgeProperties {
		if (maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("physforge.web.edge.max-body-size must be positive, was " + maxBodySize);
		}
	}

}
