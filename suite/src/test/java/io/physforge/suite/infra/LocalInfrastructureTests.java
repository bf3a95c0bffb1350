package io.physforge.suite.infra;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every branch that runs on a machine with PostgreSQL on 5432 and Redis on 6379 (and no
 * S3 on 9000): found on the default port, configured by environment, started embedded.
 */
class LocalInfrastructureTests {

	@Test
	void postgresFoundOnDefaultPortAndTestDatabaseEnsured() throws Exception {
		try (LocalInfrastructure infra = LocalInfrastructure.builder().environment(Map.of()).build()) {
			PostgresEndpoint server = infra.postgres();
			assertThat(server.origin()).isEqualTo(Origin.FOUND);
			assertThat(server.port()).isEqualTo(5432);
			PostgresEndpoint test = infra.ensureDatabase("physforge_test");
			assertThat(test.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/physforge_test");
			assertThat(currentDatabase(test)).isEqualTo("physforge_test");
		}
	}

	@Test
	void configuredPostgresIsTakenAsGiven() throws Exception {
		Map<String, String> env = Map.of("PF_DB_URL",
				"jdbc:postgresql://127.0.0.1:5432/physforge_test?ApplicationName=t", "PF_DB_USER", "postgres");
		try (LocalInfrastructure infra = LocalInfrastructure.builder().environment(env).build()) {
			PostgresEndpoint endpoint = infra.postgres();
			assertThat(endpoint.origin()).isEqualTo(Origin.CONFIGURED);
			assertThat(endpoint.database()).isEqualTo("physforge_test");
			assertThat(endpoint.jdbcUrl()).isEqualTo(env.get("PF_DB_URL"));
			assertThat(currentDatabase(infra.ensureDatabase("physforge_test"))).isEqualTo("physforge_test");
		}
	}

	@Test
	void serviceEnvironmentPointsAtEverything() throws Exception {
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(
					Map.of("PF_S3_ENDPOINT", "http://127.0.0.1:9999", "PF_S3_ACCESS_KEY", "k", "PF_S3_SECRET_KEY", "s"))
			.build()) {
			Map<String, String> env = infra.serviceEnvironment("physforge_test");
			assertThat(env).containsEntry("PF_DB_URL", "jdbc:postgresql://127.0.0.1:5432/physforge_test")
				.containsEntry("PF_DB_USER", "postgres")
				.containsEntry("PF_REDIS_URL", "redis://127.0.0.1:6379")
				.containsEntry("PF_S3_ENDPOINT", "http://127.0.0.1:9999")
				.containsEntry("PF_S3_ACCESS_KEY", "k")
				.containsEntry("PF_S3_SECRET_KEY", "s");
			assertThat(infra.s3().origin()).isEqualTo(Origin.CONFIGURED);
		}
	}

	@Test
	void badPostgresSettingsAreRejectedClearly() {
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(Map.of("PF_DB_URL", "postgres://somewhere/db"))
			.build()) {
			assertThatIllegalArgumentException().isThrownBy(infra::postgres).withMessageContaining("PF_DB_URL");
		}
		try (LocalInfrastructure infra = LocalInfrastructure.builder().environment(Map.of()).build()) {
			assertThatIllegalArgumentException().isThrownBy(() -> infra.ensureDatabase("Robert'); drop"))
				.withMessageContaining("Invalid database name");
		}
	}

	@Test
	void embeddedPostgresStartsAndStops() throws Exception {
		PostgresEndpoint endpoint;
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(Map.of())
			.useDefaultPorts(false)
			.build()) {
			long start = System.nanoTime();
			endpoint = infra.ensureDatabase("physforge_test");
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			System.out.println("embedded PostgreSQL ready in " + millis + " ms");
			assertThat(endpoint.origin()).isEqualTo(Origin.EMBEDDED);
			assertThat(endpoint.port()).isNotEqualTo(5432);
			assertThat(currentDatabase(endpoint)).isEqualTo("physforge_test");
		}
		assertThat(Probes.portOpen(endpoint.host(), endpoint.port())).isFalse();
	}

	@Test
	void redisFoundOnDefaultPort() {
		try (LocalInfrastructure infra = LocalInfrastructure.builder().environment(Map.of()).build()) {
			RedisEndpoint redis = infra.redis();
			assertThat(redis.origin()).isEqualTo(Origin.FOUND);
			assertThat(redis.port()).isEqualTo(6379);
			try (JedisPooled jedis = new JedisPooled(redis.url())) {
				assertThat(jedis.ping()).isEqualTo("PONG");
			}
		}
	}

	@Test
	void embeddedRedisOnFreePortStopsOnClose() {
		RedisEndpoint redis;
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(Map.of())
			.useDefaultPorts(false)
			.build()) {
			redis = infra.redis();
			assertThat(redis.origin()).isEqualTo(Origin.EMBEDDED);
			assertThat(redis.port()).isNotEqualTo(6379);
			try (JedisPooled jedis = new JedisPooled(redis.url())) {
				jedis.set("k", "v");
				assertThat(jedis.get("k")).isEqualTo("v");
			}
		}
		assertThat(Probes.redisAnswers(redis.host(), redis.port())).isFalse();
	}

	@Test
	void configuredRedisIsTakenAsGiven() {
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(Map.of("PF_REDIS_URL", "redis://127.0.0.1:6379/2"))
			.build()) {
			assertThat(infra.redis()).isEqualTo(RedisEndpoint.parse("redis://127.0.0.1:6379/2", Origin.CONFIGURED));
		}
	}

	@Test
	void embeddedS3ServesMinioPutGetMultipartAndPresignedGet() throws Exception {
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(Map.of())
			.useDefaultPorts(false)
			.build()) {
			S3Endpoint s3 = infra.s3();
			assertThat(s3.origin()).isEqualTo(Origin.EMBEDDED);
			MinioClient minio = client(s3);
			minio.makeBucket(MakeBucketArgs.builder().bucket("things").build());

			byte[] small = "hello, field".getBytes();
			minio.putObject(PutObjectArgs.builder()
				.bucket("things")
				.object("small")
				.stream(new ByteArrayInputStream(small), small.length, -1)
				.contentType("text/plain")
				.build());
			assertThat(read(minio, "things", "small")).isEqualTo(small);

			// unknown size, 5 MiB parts: two parts -> multipart upload
			byte[] large = new byte[6 * 1024 * 1024 + 17];
			new Random(7).nextBytes(large);
			minio.putObject(PutObjectArgs.builder()
				.bucket("things")
				.object("large")
				.stream(new ByteArrayInputStream(large), -1, 5 * 1024 * 1024)
				.build());
			assertThat(read(minio, "things", "large")).isEqualTo(large);

			String url = minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
				.method(Method.GET)
				.bucket("things")
				.object("small")
				.expiry(60)
				.build());
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(small);
		}
	}

	@Test
	void embeddedS3KeepsObjectsUnderHome(@TempDir Path home) throws Exception {
		byte[] content = "kept".getBytes();
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(Map.of())
			.useDefaultPorts(false)
			.home(home)
			.build()) {
			MinioClient minio = client(infra.s3());
			minio.makeBucket(MakeBucketArgs.builder().bucket("reports").build());
			minio.putObject(PutObjectArgs.builder()
				.bucket("reports")
				.object("a/b.txt")
				.stream(new ByteArrayInputStream(content), content.length, -1)
				.build());
		}
		try (LocalInfrastructure infra = LocalInfrastructure.builder()
			.environment(Map.of())
			.useDefaultPorts(false)
			.home(home)
			.build()) {
			MinioClient minio = client(infra.s3());
			assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("reports").build())).isTrue();
			assertThat(read(minio, "reports", "a/b.txt")).isEqualTo(content);
		}
	}

	private static MinioClient client(S3Endpoint s3) {
		return MinioClient.builder()
			.endpoint(s3.endpoint().toString())
			.credentials(s3.accessKey(), s3.secretKey())
			.region("us-east-1")
			.build();
	}

	private static byte[] read(MinioClient minio, String bucket, String key) throws Exception {
		try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
			return in.readAllBytes();
		}
	}

	private static String currentDatabase(PostgresEndpoint endpoint) throws Exception {
		try (Connection connection = Probes.connect(endpoint);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select current_database()")) {
			rows.next();
			return rows.getString(1);
		}
	}

}
