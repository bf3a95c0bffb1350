package io.physforge.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and headers of the gateway ({@code physforge.gateway.edge.*}).
 *
 * @param maxBodySize largest request body on any path but the upload paths
 * ({@code PF_GATEWAY_MAX_BODY_SIZE}, 1MB)
 * @param maxUploadSize largest file on the upload paths; the same setting as
 * data-service's own limit ({@code PF_DATA_MAX_UPLOAD_SIZE}, 512MB), plus room for the
 * multipart framing
 * @param uploadPaths path patterns of uploads (multipart data sets, resumable chunks)
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every answer that
 * has none ({@code PF_CONTENT_SECURITY_POLICY}); {@code 'self'} scripts and styles work,
 * for the dashboard
 * @param referrerPolicy the {@code Referrer-Policy} of every answer that has none
 */
@ConfigurationProperties("physforge.gateway.edge")
public record EdgeProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("512MB") DataSize maxUploadSize,
		@DefaultValue( {
				"/api/data/datasets", "/api/data/uploads/*/chunks/*" }) List<String> uploadPaths,
		@DefaultValue(DEFAULT_CSP) String contentSecurityPolicy, @DefaultValue("no-referrer") String referrerPolicy){

	/** Same-origin scripts, styles and everything else; never framed. */
	public static final String DEFAULT_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

	/** Room for the multipart framing and the form fields around an uploaded file. */
	public static final long FORM_OVERHEAD = 64 * 1024;

	public EdgeProperties {
		if (maxBodySize.toBytes() <= 0 || maxUploadSize.toBytes() <= 0) {
			throw new IllegalArgumentException("physforge.gateway.edge.max-body-size and max-upload-size must be "
					+ "positive, were " + maxBodySize + " and " + maxUploadSize);
		}
		uploadPaths = List.copyOf(uploadPaths);
	}

}
