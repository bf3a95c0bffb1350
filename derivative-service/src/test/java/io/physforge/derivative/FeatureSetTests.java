package io.physforge.derivative;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.core.derivative.Differentiator;
import io.physforge.core.derivative.Differentiators;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.io.DataSets;
import io.physforge.platform.testing.AuditStream;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.StubDataService;
import io.physforge.platform.testing.TestJwks;
import io.physforge.platform.testing.TestServers;
import io.physforge.platform.testing.WorkerServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.physforge.platform.testing.TestJobs.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API of feature sets on real PostgreSQL ({@code physforge_test}), S3 and HTTP:
 * PDE-FIND's burgers is stored in bucket {@code datasets} and shown to its owner by
 * {@link StubDataService}; the stored NPZ is compared with physics-core computing the
 * same derivatives directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeatureSetTests extends WorkerServiceTest {

	private static final String API = "/api/derivatives/feature-sets";

	private final String aliceToken = TestJwks.shared().token(this.alice, "RESEARCHER");

	private final String bobToken = TestJwks.shared().token(this.bob, "RESEARCHER");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("physforge.queue.consume", () -> "false");
	}

	@Test
	void finiteDifferenceAndSpectralFeatureSetsOfBurgersMatchPhysicsCoreComputedDirectly() throws Exception {
		Field burgers = TestInfrastructure.burgers();
		UUID dataset = TestInfrastructure.DATA.register(this.aliceToken, TestInfrastructure.burgersKey(this.storage));
		Http http = Http.local(this.port);

		Http.Response created = http.post(API, this.aliceToken, Map.of("datasetId", dataset.toString(), "method", "fd",
				"names", List.of("u_t", "u_x", "u_xx", "u_xxx")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode fd = created.json();
		assertThat(created.header("Location")).endsWith(API + "/" + fd.path("id").asText());
		assertThat(fd.path("status").asText()).isEqualTo("completed");
		assertThat(fd.path("ownerId").asText()).isEqualTo(this.alice);
		assertThat(fd.path("datasetId").asText()).isEqualTo(dataset.toString());
		assertThat(fd.path("method").asText()).isEqualTo("fd");
		assertThat(strings(fd.path("fields"))).containsExactly("u");
		assertThat(strings(fd.path("names"))).containsExactly("u", "u_t", "u_x", "u_xx", "u_xxx");
		assertThat(fd.path("shape").toString()).isEqualTo("{\"t\":101,\"x\":256}");
		Differentiator fourth = Differentiators.byName("fd");
		int xEdge = Math.max(fourth.unreliableEdge(1), Math.max(fourth.unreliableEdge(2), fourth.unreliableEdge(3)));
		assertThat(xEdge).isPositive();
		assertThat(fd.path("trim").toString())
			.isEqualTo("{\"t\":" + fourth.unreliableEdge(1) + ",\"x\":" + xEdge + "}");
		assertThat(fd.path("location").asText()).startsWith("s3://artifacts/");
		assertThat(fd.path("sha256").asText()).hasSize(64);

		Field stored = download(fd.path("id").asText(), this.aliceToken, fd.path("sha256").asText());
		assertThat(stored.grid()).isEqualTo(burgers.grid());
		assertThat(stored.fieldNames()).containsExactly("u", "u_t", "u_x", "u_xx", "u_xxx");
		double[] u = burgers.values("u");
		assertClose(stored.values("u"), u);
		assertClose(stored.values("u_t"), fourth.differentiate(burgers.grid(), u, "t", 1));
		assertClose(stored.values("u_x"), fourth.differentiate(burgers.grid(), u, "x", 1));
		assertClose(stored.values("u_xx"), fourth.differentiate(burgers.grid(), u, "x", 2));
		assertClose(stored.values("u_xxx"), fourth.differentiate(burgers.grid(), u, "x", 3));

		// spectral with the default names: what discovery needs, time by finite
		// differences
		created = http.post(API, this.aliceToken, Map.of("datasetId", dataset.toString(), "method", "spectral"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode spectral = created.json();
		List<String> required = Discovery.requiredDerivatives(burgers.grid(), List.of("u"),
				DiscoverySettings.defaults());
		assertThat(strings(spectral.path("names"))).isEqualTo(required);
		assertThat(spectral.path("options").path("timeMethod").asText()).isEqualTo("fd");
		assertThat(spectral.path("trim").toString()).isEqualTo("{\"t\":" + fourth.unreliableEdge(1) + ",\"x\":0}");
		stored = download(spectral.path("id").asText(), this.aliceToken, spectral.path("sha256").asText());
		Differentiator fourier = Differentiators.byName("spectral");
		assertClose(stored.values("u_t"), fourth.differentiate(burgers.grid(), u, "t", 1));
		assertClose(stored.values("u_x"), fourier.differentiate(burgers.grid(), u, "x", 1));
		assertClose(stored.values("u_xxxx"), fourier.differentiate(burgers.grid(), u, "x", 4));

		JsonNode list = http.get(API + "?page=0&size=100", this.aliceToken).json();
		assertThat(ids(list.path("items"))).containsExactly(spectral.path("id").asText(), fd.path("id").asText());
		assertThat(list.path("totalItems").asLong()).isEqualTo(2);
		JsonNode firstPage = http.get(API + "?page=0&size=1", this.aliceToken).json();
		assertThat(ids(firstPage.path("items"))).containsExactly(spectral.path("id").asText());
		assertThat(firstPage.path("totalPages").asInt()).isEqualTo(2);
		assertThat(http.get(API + "?size=0", this.aliceToken).status()).isEqualTo(400);
	}

	@Test
	void anotherUsersFeatureSetIsNotFoundAndAViewerOnlyReads() throws Exception {
		UUID dataset = TestInfrastructure.DATA.register(this.aliceToken, TestInfrastructure.burgersKey(this.storage));
		Http http = Http.local(this.port);
		JsonNode created = http
			.post(API, this.aliceToken,
					Map.of("datasetId", dataset.toString(), "method", "sg", "names", List.of("u_t", "u_x")))
			.json();
		String id = created.path("id").asText();
		String key = created.path("location").asText().substring("s3://artifacts/".length());

		Http.Response hidden = http.get(API + "/" + id, this.bobToken);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.json().path("type").asText())
			.isEqualTo("https://physforge.dev/problems/feature-set-not-found");
		assertThat(http.get(API + "/" + id + "/download", this.bobToken).status()).isEqualTo(404);
		assertThat(http.send("DELETE", API + "/" + id, this.bobToken, null, Map.of()).status()).isEqualTo(404);
		assertThat(ids(http.get(API, this.bobToken).json().path("items"))).doesNotContain(id);
		assertThat(http.get(API, this.bobToken).json().path("totalItems").asLong()).isZero();
		// bob cannot compute on alice's data set: data-service does not show it to him
		assertThat(http.post(API, this.bobToken, Map.of("datasetId", dataset.toString(), "method", "fd")).status())
			.isEqualTo(404);
		assertThat(http.get(API + "/" + id, null).status()).isEqualTo(401);
		assertThat(http.get(API + "/" + id, TestJwks.shared().token(this.bob, "ADMIN")).status()).isEqualTo(200);

		String viewer = TestJwks.shared().token(this.alice, "VIEWER");
		assertThat(http.get(API + "/" + id, viewer).status()).isEqualTo(200);
		assertThat(download(id, viewer, created.path("sha256").asText()).fieldNames()).containsExactly("u", "u_t",
				"u_x");
		assertThat(http.send("DELETE", API + "/" + id, viewer, null, Map.of()).status()).isEqualTo(403);
		assertThat(http.post(API, viewer, Map.of("datasetId", dataset.toString(), "method", "fd")).status())
			.isEqualTo(403);

		assertThat(this.storage.exists("artifacts", key)).isTrue();
		assertThat(http.send("DELETE", API + "/" + id, this.aliceToken, null, Map.of()).status()).isEqualTo(204);
		assertThat(this.storage.exists("artifacts", key)).isFalse();
		assertThat(http.get(API + "/" + id, this.aliceToken).status()).isEqualTo(404);

		try (AuditStream audit = AuditStream.ofThisJvm(TestServers.infra().redis().url().toString())) {
			assertThat(audit.await("feature-set.create", id).path("actor").asText()).isEqualTo(this.alice);
			JsonNode denied = audit.await("access.denied of the viewer's delete", Duration.ofSeconds(10),
					(event) -> "access.denied".equals(event.path("action").asText())
							&& ("DELETE " + API + "/" + id).equals(event.path("reason").asText()));
			assertThat(denied.path("actor").asText()).isEqualTo(this.alice);
			assertThat(denied.path("actorRoles").toString()).isEqualTo("[\"VIEWER\"]");
			assertThat(denied.path("resourceType").asText()).isEqualTo("feature-set");
			assertThat(denied.path("resourceId").asText()).isEqualTo(id);
			assertThat(denied.path("outcome").asText()).isEqualTo("denied");
			JsonNode deleted = audit.await("feature-set.delete", id);
			assertThat(deleted.path("actor").asText()).isEqualTo(this.alice);
			assertThat(deleted.path("service").asText()).isEqualTo("derivative-service");
		}
	}

	@Test
	void anInvalidRequestIsRejectedWithEveryOffendingFieldAndNothingIsStored() {
		UUID dataset = TestInfrastructure.DATA.register(this.aliceToken, TestInfrastructure.burgersKey(this.storage));
		Http http = Http.local(this.port);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("datasetId", "not-a-uuid");
		body.put("method", "fourier");
		body.put("names", List.of("u_t", "2x", "u_xxxxx"));
		body.put("maxOrder", 7);
		body.put("colour", "blue");
		Http.Response response = http.post(API, this.aliceToken, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo("https://physforge.dev/problems/validation");
		assertThat(fields(problem)).containsExactlyInAnyOrder("datasetId", "method", "names[1]", "names[2]", "maxOrder",
				"colour");
		assertThat(problem.path("detail").asText()).contains("fourier").contains("fd, poly, sg, spectral, pinn");

		response = http.post(API, this.aliceToken, Map.of("datasetId", dataset.toString(), "method", "fd", "options",
				Map.of("accuracy", "3"), "timeMethod", "poly", "timeOptions", Map.of("widht", "4")));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactlyInAnyOrder("options", "timeOptions");
		assertThat(response.json().path("detail").asText()).contains("widht");

		// names that do not fit the data set are found once it is read
		response = http.post(API, this.aliceToken,
				Map.of("datasetId", dataset.toString(), "method", "fd", "names", List.of("u_x", "v_x", "u_y")));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactly("names[1]", "names[2]");
		assertThat(response.json().path("detail").asText()).contains("[u]").contains("[t, x]");

		// pinn by REST needs a model one of the caller's pipelines used
		response = http.post(API, this.aliceToken,
				Map.of("datasetId", dataset.toString(), "method", "pinn:" + UUID.randomUUID()));
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactly("method");

		assertThat(this.jdbc.sql("SELECT count(*) FROM feature_set WHERE owner_id = :owner")
			.param("owner", this.alice)
			.query(Long.class)
			.single()).isZero();
	}

	private Field download(String id, String token, String sha256) throws Exception {
		List<String> names = strings(Http.local(this.port).get(API + "/" + id, token).json().path("names"));
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + API + "/" + id + "/download"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/x-npz");
		assertThat(response.headers().firstValue("X-PhysForge-SHA256").orElse("")).isEqualTo(sha256);
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body())))
			.isEqualTo(sha256);
		return read(response.body(), names);
	}

	/**
	 * Reads a feature set's NPZ with physics-core's reader
	 * ({@link DataSets#readNamedArrays}).
	 */
	static Field read(byte[] npz, List<String> names) throws IOException {
		Path file = Files.createTempFile("features-", ".npz");
		try {
			Files.write(file, npz);
			return DataSets.readNamedArrays(file, names);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static Field read(InputStream npz, List<String> names) throws IOException {
		try (InputStream in = npz) {
			return read(in.readAllBytes(), names);
		}
	}

	static void assertClose(double[] actual, double[] expected) {
		assertThat(actual).hasSameSizeAs(expected);
		double scale = 0;
		for (double e : expected) {
			scale = Math.max(scale, Math.abs(e));
		}
		for (int i = 0; i < expected.length; i++) {
			if (Math.abs(actual[i] - expected[i]) > 1e-12 * Math.max(1, scale)) {
				throw new AssertionError("value " + i + " is " + actual[i] + ", expected " + expected[i]);
			}
		}
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		return fields;
	}

	static List<String> strings(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach((e) -> list.add(e.asText()));
		return list;
	}

}
