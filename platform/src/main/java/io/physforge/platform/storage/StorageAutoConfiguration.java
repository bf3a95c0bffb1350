package io.physforge.platform.storage;

import io.minio.MinioClient;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A {@link MinioClient} and {@link ObjectStorage}; buckets are created once the context
 * is up (fails start-up with the reason when the server is unreachable). Off with
 * {@code physforge.storage.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(MinioClient.class)
@ConditionalOnProperty(prefix = "physforge.storage", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MinioClient physforgeMinioClient(StorageProperties properties, Environment environment) {
		String endpoint = pick(properties.endpoint(), environment, "PF_S3_ENDPOINT",
				StorageProperties.DEFAULT_ENDPOINT);
		try {
			return MinioClient.builder()
				.endpoint(endpoint)
				.credentials(
						pick(properties.accessKey(), environment, "PF_S3_ACCESS_KEY", StorageProperties.DEFAULT_KEY),
						pick(properties.secretKey(), environment, "PF_S3_SECRET_KEY", StorageProperties.DEFAULT_KEY))
				.region(properties.region())
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid S3 endpoint '" + endpoint
					+ "' (physforge.storage.endpoint / PF_S3_ENDPOINT): expected http(s)://host:port", ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ObjectStorage objectStorage(MinioClient client, StorageProperties properties) {
		return new ObjectStorage(client, properties.buckets(), properties.partSize().toBytes());
	}

	@Bean
	SmartInitializingSingleton physforgeBucketCreator(ObjectStorage storage, StorageProperties properties) {
		return () -> {
			if (properties.createBuckets()) {
				storage.ensureBuckets();
			}
		};
	}

	private static String pick(String value, Environment environment, String variable, String fallback) {
		return (value != null && !value.isBlank()) ? value : environment.getProperty(variable, fallback);
	}

}
