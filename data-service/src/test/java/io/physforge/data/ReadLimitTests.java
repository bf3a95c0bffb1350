package io.physforge.data;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.MinioClient;
import io.physforge.platform.testing.TestJwks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Uploads that declare or inflate to more than the read limits (the service's defaults)
 * are answered 413 with the reader's message, quickly, one at a time or five at once, and
 * leave no row and no object.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "physforge.data.max-upload-size=16MB")
class ReadLimitTests {

	private static final String TOO_LARGE = "https://physforge.dev/problems/read-limit-exceeded";

	@LocalServerPort
	private int port;

	@Autowired
	private MinioClient minio;

	@Autowired
	private JdbcClient jdbc;

	private DataClient http;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@BeforeEach
	void client() {
		this.http = new DataClient(this.port);
	}

	@Test
	void npzDeclaringTwoBillionValuesIs413WithTheReadersMessage() {
		String user = UUID.randomUUID().toString();
		Set<String> before = bucketKeys();
		DataClient.Reply reply = this.http.upload(token(user), "claims.npz", HostileFiles.npzClaimingTwoBillionValues(),
				null);
		JsonNode problem = problem(reply);
		assertThat(problem.path("limit").asText()).isEqualTo("maxValuesPerArray");
		assertThat(problem.path("location").asText()).isEqualTo("array 'u' (u.npy)");
		assertThat(problem.path("detail").asText())
			.startsWith("claims.npz (array 'u' (u.npy)): declares 2000000000 values")
			.contains("limit maxValuesPerArray = 16777216")
			.contains("Fix: split the data set");
		assertThat(rows(user)).isZero();
		assertThat(bucketKeys()).isEqualTo(before);
	}

	@Test
	void zipBombIs413AndStopsInflatingEarly() {
		String user = UUID.randomUUID().toString();
		Set<String> before = bucketKeys();
		byte[] bomb = HostileFiles.npzBomb();
		assertThat(bomb.length).isLessThan(1 << 20);
		DataClient.Reply reply = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> this.http.upload(token(user), "bomb.npz", bomb, null));
		JsonNode problem = problem(reply);
		assertThat(problem.path("limit").asText()).isEqualTo("maxCompressionRatio");
		assertThat(problem.path("detail").asText()).startsWith("bomb.npz (array 'u' (u.npy)): inflates more than 200")
			.contains("decompression bomb");
		assertThat(rows(user)).isZero();
		assertThat(bucketKeys()).isEqualTo(before);
	}

	@Test
	void csvWithAMillionHeaderColumnsIs413AtOnce() {
		String user = UUID.randomUUID().toString();
		Set<String> before = bucketKeys();
		byte[] csv = HostileFiles.csvWithAMillionColumns();
		DataClient.Reply reply = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> this.http.upload(token(user), "wide.csv", csv, null));
		JsonNode problem = problem(reply);
		assertThat(problem.path("limit").asText()).isEqualTo("maxLineLength");
		assertThat(problem.path("location").asText()).isEqualTo("line 1");
		assertThat(problem.path("detail").asText()).startsWith("wide.csv (line 1): the line is longer than 1048576")
			.contains("Fix: write the long form");
		assertThat(rows(user)).isZero();
		assertThat(bucketKeys()).isEqualTo(before);
	}

	@Test
	void fiveBombsAtOnceAreAll413() throws Exception {
		String user = UUID.randomUUID().toString();
		String token = token(user);
		Set<String> before = bucketKeys();
		List<byte[]> files = List.of(HostileFiles.npzBomb(), HostileFiles.npzClaimingTwoBillionValues(),
				HostileFiles.npzBomb(), HostileFiles.csvWithAMillionColumns(), HostileFiles.npzBomb());
		List<String> names = List.of("a.npz", "b.npz", "c.npz", "d.csv", "e.npz");
		ExecutorService pool = Executors.newFixedThreadPool(files.size());
		try {
			List<CompletableFuture<DataClient.Reply>> replies = IntStream.range(0, files.size())
				.mapToObj((i) -> CompletableFuture
					.supplyAsync(() -> this.http.upload(token, names.get(i), files.get(i), null), pool))
				.toList();
			for (CompletableFuture<DataClient.Reply> reply : replies) {
				problem(reply.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rows(user)).isZero();
		assertThat(bucketKeys()).isEqualTo(before);
	}

	private static JsonNode problem(DataClient.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
		JsonNode problem = reply.json();
		assertThat(problem.path("type").asText()).isEqualTo(TOO_LARGE);
		assertThat(problem.path("problem").asText()).isNotBlank();
		assertThat(problem.path("fix").asText()).contains("raise the read limit " + problem.path("limit").asText());
		return problem;
	}

	private long rows(String owner) {
		return StoredState.rows(this.jdbc, owner);
	}

	private Set<String> bucketKeys() {
		return StoredState.bucketKeys(this.minio);
	}

	private static String token(String subject) {
		return TestJwks.shared().token(subject, "RESEARCHER");
	}

}
