package io.physforge.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.physforge.suite.infra.LocalInfrastructure;
import io.physforge.suite.infra.S3Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ObjectStorage} against a real S3-compatible server: MinIO on 127.0.0.1:9000 or
 * PF_S3_ENDPOINT when there is one, else S3Proxy started in this JVM.
 */
class ObjectStorageTests {

	private static final List<String> BUCKETS = List.of("datasets", "reports");

	private static LocalInfrastructure infra;

	private static ObjectStorage storage;

	@BeforeAll
	static void start() {
		infra = LocalInfrastructure.create();
		storage = new ObjectStorage(client(infra.s3()), BUCKETS, 5L * 1024 * 1024);
		storage.ensureBuckets();
	}

	@AfterAll
	static void stop() {
		infra.close();
	}

	@Test
	void putGetExistsDeleteWithServerGeneratedKey() throws Exception {
		byte[] content = "t,x,u\n0,0,1\n".getBytes();
		StoredObject stored = storage.put("datasets", new ByteArrayInputStream(content), content.length, "text/csv");
		assertThat(stored.bucket()).isEqualTo("datasets");
		assertThat(stored.key()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.contentType()).isEqualTo("text/csv");
		assertThat(read(stored)).isEqualTo(content);
		assertThat(storage.exists("datasets", stored.key())).isTrue();

		storage.delete("datasets", stored.key());
		assertThat(storage.exists("datasets", stored.key())).isFalse();
		assertThatExceptionOfType(ObjectNotFoundException.class)
			.isThrownBy(() -> storage.get("datasets", stored.key()).close())
			.withMessageContaining(stored.key());
	}

	@Test
	void readViaTemporaryFileDeletesTheCopyAfterwards() throws Exception {
		byte[] content = "NPZ-like bytes".getBytes();
		StoredObject stored = storage.put("datasets", new ByteArrayInputStream(content), content.length, null);
		java.nio.file.Path[] seen = new java.nio.file.Path[1];
		byte[] read = storage.readViaTemporaryFile("datasets", stored.key(), "physforge-test-", (file) -> {
			seen[0] = file;
			return java.nio.file.Files.readAllBytes(file);
		});
		assertThat(read).isEqualTo(content);
		assertThat(seen[0].getFileName().toString()).startsWith("physforge-test-");
		assertThat(seen[0]).doesNotExist();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> storage.readViaTemporaryFile("datasets", stored.key(), "physforge-test-", (file) -> {
				seen[0] = file;
				throw new IllegalArgumentException("not readable");
			}))
			.withMessage("not readable");
		assertThat(seen[0]).doesNotExist();
		storage.delete("datasets", stored.key());
		assertThatExceptionOfType(ObjectNotFoundException.class)
			.isThrownBy(() -> storage.readViaTemporaryFile("datasets", stored.key(), "physforge-test-", (file) -> 1));
	}

	@Test
	void twoPutsOfTheSameBytesGetDifferentKeys() {
		byte[] content = { 1, 2, 3 };
		StoredObject first = storage.put("reports", new ByteArrayInputStream(content), 3, null);
		StoredObject second = storage.put("reports", new ByteArrayInputStream(content), 3, null);
		assertThat(first.key()).isNotEqualTo(second.key());
		assertThat(first.contentType()).isEqualTo("application/octet-stream");
		storage.delete("reports", first.key());
		storage.delete("reports", second.key());
	}

	@Test
	void unknownSizeIsStreamedAsMultipartUpload() throws Exception {
		byte[] content = new byte[6 * 1024 * 1024 + 3];
		new Random(11).nextBytes(content);
		StoredObject stored = storage.put("datasets", new ByteArrayInputStream(content), -1, null);
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(read(stored)).isEqualTo(content);
		storage.delete("datasets", stored.key());
	}

	@Test
	void presignedGetServesTheObjectWithoutCredentials() throws Exception {
		byte[] content = "report".getBytes();
		StoredObject stored = storage.put("reports", new ByteArrayInputStream(content), content.length, "text/plain");
		URI url = storage.presignedGet("reports", stored.key(), Duration.ofMinutes(5));
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(content);
		HttpResponse<byte[]> tampered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url.toString().replace("X-Amz-Signature=", "X-Amz-Signature=0")))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(tampered.statusCode()).isEqualTo(403);
		storage.delete("reports", stored.key());
	}

	@Test
	void badBucketsKeysAndSizesAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> storage.put("secrets", new ByteArrayInputStream(new byte[0]), 0, null))
			.withMessageContaining("Unknown bucket 'secrets'");
		assertThatIllegalArgumentException().isThrownBy(() -> storage.get("datasets", "../reports/x"))
			.withMessageContaining("server-generated");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> storage.put("datasets", new ByteArrayInputStream(new byte[0]), -5, null))
			.withMessageContaining("size");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> storage.presignedGet("datasets", "0b6c1f0e-3f44-4b1e-9a47-9d1f6f6d3c2a", Duration.ofDays(8)))
			.withMessageContaining("7 days");
	}

	@Test
	void autoConfigurationCreatesBucketsAndCanBeSwitchedOff() {
		S3Endpoint s3 = infra.s3();
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(StorageAutoConfiguration.class))
			.withPropertyValues("physforge.storage.endpoint=" + s3.endpoint(),
					"physforge.storage.access-key=" + s3.accessKey(), "physforge.storage.secret-key=" + s3.secretKey(),
					"physforge.storage.buckets=models,artifacts");
		runner.run((context) -> {
			assertThat(context).hasSingleBean(ObjectStorage.class);
			MinioClient minio = context.getBean(MinioClient.class);
			assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("models").build())).isTrue();
			assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("artifacts").build())).isTrue();
			assertThat(context.getBean(ObjectStorage.class).buckets()).containsExactlyInAnyOrder("models", "artifacts");
		});
		runner.withPropertyValues("physforge.storage.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObjectStorage.class)
				.doesNotHaveBean(MinioClient.class));
	}

	private static byte[] read(StoredObject stored) throws Exception {
		try (InputStream in = storage.get(stored.bucket(), stored.key())) {
			return in.readAllBytes();
		}
	}

	private static MinioClient client(S3Endpoint s3) {
		return MinioClient.builder()
			.endpoint(s3.endpoint().toString())
			.credentials(s3.accessKey(), s3.secretKey())
			.region("us-east-1")
			.build();
	}

}
