package io.physforge.platform.storage;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Object storage settings, bound from {@code physforge.storage.*}.
 *
 * @param enabled whether the storage beans exist
 * @param endpoint the S3 URL; when unset {@code PF_S3_ENDPOINT}, else
 * {@code http://127.0.0.1:9000}
 * @param accessKey when unset {@code PF_S3_ACCESS_KEY}, else {@code minioadmin}
 * @param secretKey when unset {@code PF_S3_SECRET_KEY}, else {@code minioadmin}
 * @param region the region sent to the server
 * @param buckets buckets created on start; the only ones {@link ObjectStorage} accepts
 * @param partSize part size of uploads of unknown size (at least 5 MB)
 * @param createBuckets whether to create missing buckets on start
 */
@ConfigurationProperties("physforge.storage")
public record StorageProperties(@DefaultValue("true") boolean enabled, String endpoint, String accessKey,
		String secretKey, @DefaultValue("us-east-1") String region, @DefaultValue( {
				"datasets", "models", "artifacts", "reports" }) List<String> buckets,
		@DefaultValue("10MB") DataSize partSize, @DefaultValue("true") boolean createBuckets){

	/** Endpoint used when neither the property nor {@code PF_S3_ENDPOINT} is set. */
	public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:9000";

	/**
	 * Access and secret key used when neither property nor variable is set (MinIO's
	 * default).
	 */
	public static final String DEFAULT_KEY = "minioadmin";

}
