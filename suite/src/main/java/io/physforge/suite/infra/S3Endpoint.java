package io.physforge.suite.infra;

import java.net.URI;
import java.util.Objects;

/**
 * An S3-compatible object store.
 *
 * @param endpoint the service URL, for example {@code http://127.0.0.1:9000}
 * @param accessKey the access key
 * @param secretKey the secret key
 * @param origin where the server came from
 */
public record S3Endpoint(URI endpoint, String accessKey, String secretKey, Origin origin) {

	public S3Endpoint {
		Objects.requireNonNull(endpoint, "endpoint");
		Objects.requireNonNull(accessKey, "accessKey");
		Objects.requireNonNull(secretKey, "secretKey");
		Objects.requireNonNull(origin, "origin");
	}

	@Override
	public String toString() {
		return "S3Endpoint[" + this.endpoint + ", accessKey=" + this.accessKey + ", origin=" + this.origin + "]";
	}

}
