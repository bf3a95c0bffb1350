package io.physforge.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.MinioClient;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.testing.AuditStream;
import io.physforge.platform.testing.TestJwks;
import io.physforge.platform.testing.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * data-service over real HTTP with the real test database, Redis and S3: uploads
 * (multipart and resumable), validation failures that leave nothing behind, limits,
 * isolation, listing, download, preview, deletion and simulated data sets. Limits are
 * small here: 600 KB per upload and 1 MB quota per user (burgers.h5 is 216 KB, its
 * canonical NPZ about 210 KB).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "physforge.data.max-upload-size=600KB", "physforge.data.quota=1MB" })
class DataSetApiTests {

	private static final String BURGERS = "pde-find/burgers.h5";

	@LocalServerPort
	private int port;

	@Autowired
	private MinioClient minio;

	@Autowired
	private ObjectStorage storage;

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
	void uploadOfBurgersRecordsMetadataAndServesOriginalAndCanonical(@TempDir Path tmp) throws Exception {
		String user = UUID.randomUUID().toString();
		String token = token(user, "RESEARCHER");
		byte[] content = TestInfrastructure.bytes(BURGERS);

		DataClient.Reply created = this.http.upload(token, "burgers.h5", content, "Burgers PDE-FIND");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode d = created.json();
		String id = d.path("id").asText();
		assertThat(created.header("Location")).isEqualTo("/api/data/datasets/" + id);
		assertThat(d.path("name").asText()).isEqualTo("Burgers PDE-FIND");
		assertThat(d.path("description").asText()).isEqualTo("uploaded by a test");
		assertThat(d.path("owner").asText()).isEqualTo(user);
		assertThat(d.path("format").asText()).isEqualTo("HDF5");
		assertThat(d.path("source").asText()).isEqualTo("UPLOAD");
		assertThat(d.path("originalFilename").asText()).isEqualTo("burgers.h5");
		assertThat(d.path("shape").toString()).isEqualTo("[101,256]");
		assertThat(d.path("fields").toString()).isEqualTo("[\"u\"]");
		assertThat(d.path("coordinates").findValuesAsText("name")).containsExactly("t", "x");
		assertThat(d.path("coordinates").get(0).path("size").asInt()).isEqualTo(101);
		assertThat(d.path("coordinates").get(1).path("size").asInt()).isEqualTo(256);
		assertThat(d.path("byteSize").asLong()).isEqualTo(content.length);
		assertThat(d.path("sha256").asText()).isEqualTo(sha256(content));
		assertThat(d.path("canonicalFormat").asText()).isEqualTo("NPZ");
		assertThat(d.path("createdAt").asText()).isNotEmpty();
		assertThat(d.has("originalKey")).isFalse();
		// what workers read: a server-made key of the canonical form
		JsonNode stored = d.path("canonical");
		assertThat(stored.path("bucket").asText()).isEqualTo("datasets");
		assertThat(stored.path("format").asText()).isEqualTo("NPZ");
		assertThat(stored.path("size").asLong()).isEqualTo(d.path("canonicalSize").asLong()).isPositive();
		assertThat(stored.path("key").asText()).isNotBlank().doesNotContain("burgers");
		assertThat(bucketKeys()).contains(stored.path("key").asText());
		Field reference = DataSets.read(TestInfrastructure.dataset(BURGERS));
		double[] u = reference.values("u");
		JsonNode range = d.path("valueRanges").path("u");
		assertThat(range.path("min").asDouble()).isEqualTo(Arrays.stream(u).min().getAsDouble());
		assertThat(range.path("max").asDouble()).isEqualTo(Arrays.stream(u).max().getAsDouble());
		assertThat(range.path("std").asDouble()).isCloseTo(Noise.standardDeviation(u), within(1e-12));

		DataClient.Reply shown = this.http.get(token, "/api/data/datasets/" + id);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.json()).isEqualTo(d);

		DataClient.Reply download = this.http.get(token, "/api/data/datasets/" + id + "/download");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).isEqualTo(content);
		assertThat(download.header("Content-Disposition")).contains("burgers.h5");
		assertThat(download.header("X-PhysForge-SHA256")).isEqualTo(sha256(content));

		DataClient.Reply presigned = this.http.get(token, "/api/data/datasets/" + id + "/download?presigned=true");
		assertThat(presigned.status()).isEqualTo(200);
		assertThat(DataClient.fetch(presigned.json().path("url").asText())).isEqualTo(content);

		DataClient.Reply canonical = this.http.get(token, "/api/data/datasets/" + id + "/canonical");
		assertThat(canonical.status()).isEqualTo(200);
		assertThat(canonical.header("X-PhysForge-Format")).isEqualTo("NPZ");
		Path file = tmp.resolve("canonical.npz");
		Files.write(file, canonical.bytes());
		Field read = DataSets.read(file);
		assertThat(read.grid()).isEqualTo(reference.grid());
		assertThat(read.values("u")).containsExactly(u);

		try (AuditStream audit = AuditStream.ofThisJvm(TestServers.infra().redis().url().toString())) {
			JsonNode upload = audit.await("dataset.upload", id);
			assertThat(upload.path("actor").asText()).isEqualTo(user);
			assertThat(upload.path("service").asText()).isEqualTo("data-service");
			assertThat(upload.path("outcome").asText()).isEqualTo("success");
			JsonNode downloaded = audit.await("dataset.download", id);
			assertThat(downloaded.path("actor").asText()).isEqualTo(user);
			assertThat(downloaded.path("actorRoles").toString()).isEqualTo("[\"RESEARCHER\"]");
		}
	}

	@Test
	void listPagesNewestFirstAndFilters() {
		String token = token(UUID.randomUUID().toString(), "RESEARCHER");
		String first = this.http.upload(token, "burgers.h5", TestInfrastructure.bytes(BURGERS), "alpha burgers")
			.json()
			.path("id")
			.asText();
		String second = this.http
			.upload(token, "burgers.npz", TestInfrastructure.bytes("pde-find/burgers.npz"), "beta burgers")
			.json()
			.path("id")
			.asText();

		JsonNode page0 = this.http.get(token, "/api/data/datasets?page=0&size=1").json();
		assertThat(page0.path("totalItems").asLong()).isEqualTo(2);
		assertThat(page0.path("totalPages").asInt()).isEqualTo(2);
		assertThat(page0.path("items").findValuesAsText("id")).containsExactly(second);
		JsonNode page1 = this.http.get(token, "/api/data/datasets?page=1&size=1").json();
		assertThat(page1.path("items").findValuesAsText("id")).containsExactly(first);

		assertThat(this.http.get(token, "/api/data/datasets?name=ALPHA").json().path("items").findValuesAsText("id"))
			.containsExactly(first);
		assertThat(this.http.get(token, "/api/data/datasets?format=npz").json().path("items").findValuesAsText("id"))
			.containsExactly(second);
		assertThat(this.http.get(token, "/api/data/datasets?name=gamma").json().path("totalItems").asLong()).isZero();

		DataClient.Reply badFormat = this.http.get(token, "/api/data/datasets?format=xlsx");
		assertThat(badFormat.status()).isEqualTo(400);
		assertThat(badFormat.json().path("detail").asText()).contains("xlsx");
		assertThat(this.http.get(token, "/api/data/datasets?size=1000").status()).isEqualTo(400);
	}

	@Test
	void anotherUsersDataSetIsNotFoundAndAnAdminSeesAll() {
		String owner = UUID.randomUUID().toString();
		String ownerToken = token(owner, "RESEARCHER");
		String other = token(UUID.randomUUID().toString(), "RESEARCHER");
		String admin = token(UUID.randomUUID().toString(), "ADMIN");
		String id = this.http.upload(ownerToken, "burgers.h5", TestInfrastructure.bytes(BURGERS), "private")
			.json()
			.path("id")
			.asText();
		String base = "/api/data/datasets/" + id;

		for (String path : List.of(base, base + "/download", base + "/download?presigned=true", base + "/canonical",
				base + "/preview")) {
			DataClient.Reply reply = this.http.get(other, path);
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.json().path("type").asText())
				.isEqualTo("https://physforge.dev/problems/dataset-not-found");
		}
		assertThat(this.http.delete(other, base).status()).isEqualTo(404);
		assertThat(this.http.get(other, "/api/data/datasets?owner=" + owner).json().path("totalItems").asLong())
			.isZero();
		assertThat(this.http.get(ownerToken, base).status()).isEqualTo(200);

		assertThat(this.http.get(admin, base).status()).isEqualTo(200);
		assertThat(this.http.get(admin, base + "/canonical").status()).isEqualTo(200);
		JsonNode adminList = this.http.get(admin, "/api/data/datasets?owner=" + owner).json();
		assertThat(adminList.path("items").findValuesAsText("id")).containsExactly(id);

		String viewer = token(UUID.randomUUID().toString(), "VIEWER");
		DataClient.Reply refused = this.http.upload(viewer, "burgers.h5", TestInfrastructure.bytes(BURGERS), null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.http.get(token(owner, "VIEWER"), base).status()).isEqualTo(200);
		assertThat(this.http.get(null, base).status()).isEqualTo(401);
	}

	@Test
	void corruptUploadsAnswerTheReadersMessageAndLeaveNothingBehind() {
		String user = UUID.randomUUID().toString();
		String token = token(user, "RESEARCHER");
		byte[] burgers = TestInfrastructure.bytes(BURGERS);
		Set<String> before = bucketKeys();

		DataClient.Reply truncated = this.http.upload(token, "burgers.h5", Arrays.copyOf(burgers, 60_000), null);
		assertThat(truncated.status()).as(truncated.toString()).isEqualTo(422);
		JsonNode problem = truncated.json();
		assertThat(problem.path("type").asText()).isEqualTo("https://physforge.dev/problems/invalid-dataset");
		assertThat(problem.path("detail").asText()).startsWith("burgers.h5").contains(problem.path("problem").asText());
		assertThat(problem.path("problem").asText()).isNotBlank();

		DataClient.Reply wrongExtension = this.http.upload(token, "burgers.csv", burgers, null);
		assertThat(wrongExtension.status()).as(wrongExtension.toString()).isEqualTo(422);
		assertThat(wrongExtension.json().path("detail").asText()).startsWith("burgers.csv")
			.contains("the extension '.csv' says")
			.contains("HDF5")
			.contains("Fix: rename it to .h5");

		DataClient.Reply garbage = this.http.upload(token, "data.npz", "not a zip at all".getBytes(), null);
		assertThat(garbage.status()).as(garbage.toString()).isEqualTo(422);

		assertThat(rows(user)).isZero();
		assertThat(bucketKeys()).isEqualTo(before);
	}

	@Test
	void uploadsOverTheSizeLimitOrTheQuotaAre413(@TempDir Path tmp) {
		String user = UUID.randomUUID().toString();
		String token = token(user, "RESEARCHER");
		DataClient.Reply tooLarge = this.http.upload(token, "kdv.h5", TestInfrastructure.bytes("pde-find/kdv.h5"),
				null);
		assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
		assertThat(tooLarge.json().path("detail").asText()).contains("614400 bytes");
		assertThat(tooLarge.json().path("type").asText()).isEqualTo("https://physforge.dev/problems/upload-too-large");
		// refused from its Content-Length before the body was read
		assertThat(tooLarge.json().path("sizeBytes").asLong()).isGreaterThan(800_000);
		// just over the limit: within the form allowance, stopped by the container while
		// parsing
		DataClient.Reply justOver = this.http.upload(token, "burgers.h5", new byte[600 * 1024 + 1], null);
		assertThat(justOver.status()).as(justOver.toString()).isEqualTo(413);
		assertThat(justOver.json().path("detail").asText()).contains("614400 bytes");
		DataClient.Reply declaredTooLarge = this.http.post(token, "/api/data/uploads",
				Map.of("filename", "big.h5", "size", 10_000_000));
		assertThat(declaredTooLarge.status()).isEqualTo(413);
		assertThat(declaredTooLarge.json().path("type").asText())
			.isEqualTo("https://physforge.dev/problems/upload-too-large");

		byte[] burgers = TestInfrastructure.bytes(BURGERS);
		assertThat(this.http.upload(token, "burgers.h5", burgers, "one").status()).isEqualTo(201);
		assertThat(this.http.upload(token, "burgers.h5", burgers, "two").status()).isEqualTo(201);
		Set<String> before = bucketKeys();
		DataClient.Reply overQuota = this.http.upload(token, "burgers.h5", burgers, "three");
		assertThat(overQuota.status()).as(overQuota.toString()).isEqualTo(413);
		JsonNode problem = overQuota.json();
		assertThat(problem.path("type").asText()).isEqualTo("https://physforge.dev/problems/quota-exceeded");
		assertThat(problem.path("quotaBytes").asLong()).isEqualTo(1024 * 1024);
		assertThat(problem.path("usedBytes").asLong()).isGreaterThan(2L * burgers.length);
		assertThat(rows(user)).isEqualTo(2);
		assertThat(bucketKeys()).isEqualTo(before);
		DataClient.Reply resumableOverQuota = this.http.post(token, "/api/data/uploads",
				Map.of("filename", "burgers.h5", "size", burgers.length));
		assertThat(resumableOverQuota.status()).isEqualTo(413);
	}

	@Test
	void resumableUploadInThreeChunksEqualsTheMultipartUpload() {
		String user = UUID.randomUUID().toString();
		String token = token(user, "RESEARCHER");
		byte[] content = TestInfrastructure.bytes(BURGERS);
		int chunk = (content.length + 2) / 3;
		JsonNode started = this.http
			.post(token, "/api/data/uploads",
					Map.of("filename", "burgers.h5", "size", content.length, "chunkSize", chunk, "sha256",
							sha256(content), "name", "resumed"))
			.json();
		String id = started.path("id").asText();
		assertThat(started.path("chunkCount").asInt()).isEqualTo(3);
		assertThat(started.path("missingChunks").toString()).isEqualTo("[0,1,2]");
		String chunks = "/api/data/uploads/" + id + "/chunks/";

		assertThat(this.http.put(token, chunks + 2, Arrays.copyOfRange(content, 2 * chunk, content.length)).status())
			.isEqualTo(200);
		JsonNode afterOne = this.http.put(token, chunks + 0, Arrays.copyOfRange(content, 0, chunk)).json();
		assertThat(afterOne.path("receivedChunks").toString()).isEqualTo("[0,2]");
		assertThat(afterOne.path("receivedRanges").toString())
			.isEqualTo("[[0," + chunk + "],[" + 2 * chunk + "," + content.length + "]]");
		DataClient.Reply early = this.http.post(token, "/api/data/uploads/" + id + "/complete", "");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().path("missingChunks").toString()).isEqualTo("[1]");
		DataClient.Reply wrongLength = this.http.put(token, chunks + 1, new byte[10]);
		assertThat(wrongLength.status()).isEqualTo(400);
		assertThat(wrongLength.json().path("detail").asText()).contains("exactly " + chunk + " bytes");
		assertThat(this.http.get(token(UUID.randomUUID().toString(), "RESEARCHER"), "/api/data/uploads/" + id).status())
			.isEqualTo(404);

		// a corrupted copy of chunk 1 is replaced by sending it again
		assertThat(this.http.put(token, chunks + 1, new byte[chunk]).status()).isEqualTo(200);
		Set<String> beforeResend = bucketKeys();
		assertThat(this.http.put(token, chunks + 1, Arrays.copyOfRange(content, chunk, 2 * chunk)).status())
			.isEqualTo(200);
		assertThat(bucketKeys()).hasSameSizeAs(beforeResend);
		JsonNode status = this.http.get(token, "/api/data/uploads/" + id).json();
		assertThat(status.path("missingChunks").size()).isZero();
		assertThat(status.path("receivedBytes").asLong()).isEqualTo(content.length);

		Set<String> beforeComplete = bucketKeys();
		DataClient.Reply completed = this.http.post(token, "/api/data/uploads/" + id + "/complete", "");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
		JsonNode resumed = completed.json();
		JsonNode multipart = this.http.upload(token, "burgers.h5", content, "multipart").json();
		for (String property : List.of("format", "originalFilename", "fields", "coordinates", "shape", "valueRanges",
				"byteSize", "sha256", "canonicalFormat", "canonicalSize")) {
			assertThat(resumed.path(property)).as(property).isEqualTo(multipart.path(property));
		}
		assertThat(this.http.get(token, "/api/data/datasets/" + resumed.path("id").asText() + "/download").bytes())
			.isEqualTo(content);
		// the three chunk objects are gone, the original and canonical form are there
		Set<String> after = bucketKeys();
		assertThat(after).doesNotContainAnyElementsOf(chunkKeysOf(beforeComplete, after));
		assertThat(this.http.get(token, "/api/data/uploads/" + id).status()).isEqualTo(404);
	}

	@Test
	void resumableUploadWithAWrongChecksumIsRefusedAndLeavesNothingBehind() {
		String user = UUID.randomUUID().toString();
		String token = token(user, "RESEARCHER");
		byte[] content = TestInfrastructure.bytes(BURGERS);
		Set<String> before = bucketKeys();
		String id = this.http
			.post(token, "/api/data/uploads",
					Map.of("filename", "burgers.h5", "size", content.length, "sha256", "0".repeat(64)))
			.json()
			.path("id")
			.asText();
		assertThat(this.http.put(token, "/api/data/uploads/" + id + "/chunks/0", content).status()).isEqualTo(200);
		DataClient.Reply refused = this.http.post(token, "/api/data/uploads/" + id + "/complete", "");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("type").asText()).isEqualTo("https://physforge.dev/problems/checksum-mismatch");
		assertThat(refused.json().path("detail").asText()).contains(sha256(content));
		assertThat(this.http.get(token, "/api/data/uploads/" + id).status()).isEqualTo(404);
		assertThat(rows(user)).isZero();
		assertThat(bucketKeys()).isEqualTo(before);
	}

	@Test
	void previewIsAStridedSliceOfTheField() {
		String token = token(UUID.randomUUID().toString(), "RESEARCHER");
		String id = this.http.upload(token, "burgers.h5", TestInfrastructure.bytes(BURGERS), null)
			.json()
			.path("id")
			.asText();
		DataClient.Reply reply = this.http.get(token, "/api/data/datasets/" + id + "/preview?field=u&maxPoints=1000");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode preview = reply.json();
		int st = preview.path("stride").path("t").asInt();
		int sx = preview.path("stride").path("x").asInt();
		JsonNode values = preview.path("values");
		int rows = values.size();
		int cols = values.get(0).size();
		assertThat(rows * cols).isLessThanOrEqualTo(1000).isGreaterThan(500);
		assertThat(rows).isEqualTo((101 + st - 1) / st);
		assertThat(cols).isEqualTo((256 + sx - 1) / sx);
		Field reference = DataSets.read(TestInfrastructure.dataset(BURGERS));
		for (int i = 0; i < rows; i++) {
			assertThat(preview.path("coordinates").path("t").get(i).asDouble())
				.isEqualTo(reference.grid().axis("t").at(i * st));
			for (int j = 0; j < cols; j++) {
				assertThat(values.get(i).get(j).asDouble()).isEqualTo(reference.value("u", i * st, j * sx));
			}
		}
		assertThat(preview.path("shape").toString()).isEqualTo("[101,256]");
		JsonNode full = this.http.get(token, "/api/data/datasets/" + id + "/preview?maxPoints=100000").json();
		assertThat(full.path("values").size()).isEqualTo(101);
		assertThat(full.path("values").get(0).size()).isEqualTo(256);
		DataClient.Reply unknown = this.http.get(token, "/api/data/datasets/" + id + "/preview?field=v");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().path("detail").asText()).contains("[u]");
	}

	@Test
	void deleteRemovesTheRowAndTheObjects() {
		String user = UUID.randomUUID().toString();
		String token = token(user, "RESEARCHER");
		String id = this.http.upload(token, "burgers.h5", TestInfrastructure.bytes(BURGERS), null)
			.json()
			.path("id")
			.asText();
		Map<String, Object> keys = this.jdbc
			.sql("SELECT original_key, canonical_key FROM data.datasets WHERE id = CAST(:id AS uuid)")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(this.storage.exists("datasets", (String) keys.get("original_key"))).isTrue();
		assertThat(this.storage.exists("datasets", (String) keys.get("canonical_key"))).isTrue();

		assertThat(this.http.delete(token(user, "VIEWER"), "/api/data/datasets/" + id).status()).isEqualTo(403);
		assertThat(this.http.delete(token, "/api/data/datasets/" + id).status()).isEqualTo(204);
		assertThat(this.http.get(token, "/api/data/datasets/" + id).status()).isEqualTo(404);
		assertThat(rows(user)).isZero();
		assertThat(this.storage.exists("datasets", (String) keys.get("original_key"))).isFalse();
		assertThat(this.storage.exists("datasets", (String) keys.get("canonical_key"))).isFalse();
		assertThat(this.http.delete(token, "/api/data/datasets/" + id).status()).isEqualTo(404);
	}

	@Test
	void simulateCreatesADataSetWithSeededNoiseAndProvenance(@TempDir Path tmp) throws IOException {
		String token = token(UUID.randomUUID().toString(), "RESEARCHER");
		Map<String, Object> grid = Map.of("nx", 64, "nt", 21, "tEnd", 1.0);
		DataClient.Reply clean = this.http.post(token, "/api/data/datasets/simulate",
				Map.of("equation", "heat", "parameters", Map.of("nu", 0.2), "grid", grid));
		assertThat(clean.status()).as(clean.toString()).isEqualTo(201);
		DataClient.Reply noisy = this.http.post(token, "/api/data/datasets/simulate", Map.of("equation", "heat",
				"parameters", Map.of("nu", 0.2), "grid", grid, "noise", 0.05, "seed", 7, "name", "noisy heat"));
		assertThat(noisy.status()).as(noisy.toString()).isEqualTo(201);
		JsonNode d = noisy.json();
		assertThat(d.path("source").asText()).isEqualTo("SIMULATION");
		assertThat(d.path("name").asText()).isEqualTo("noisy heat");
		assertThat(d.path("shape").toString()).isEqualTo("[21,64]");
		assertThat(d.path("provenance").path("equation").asText()).isEqualTo("heat");
		assertThat(d.path("provenance").path("parameters").path("nu").asDouble()).isEqualTo(0.2);
		assertThat(d.path("provenance").path("trueEquation").path("u").path("u_xx").asDouble()).isEqualTo(0.2);
		assertThat(d.path("provenance").path("noise").path("seed").asLong()).isEqualTo(7);
		assertThat(d.path("provenance").path("noise").path("level").asDouble()).isEqualTo(0.05);

		Field cleanField = canonical(clean.json().path("id").asText(), token, tmp.resolve("clean.npz"));
		Field noisyField = canonical(d.path("id").asText(), token, tmp.resolve("noisy.npz"));
		double[] u = cleanField.values("u");
		double[] residual = new double[u.length];
		for (int i = 0; i < u.length; i++) {
			residual[i] = noisyField.values("u")[i] - u[i];
		}
		double relative = Noise.standardDeviation(residual) / Noise.standardDeviation(u);
		// 1344 Gaussian samples: the sample std is within 10% of 0.05 with overwhelming
		// probability
		assertThat(relative).isBetween(0.045, 0.055);

		DataClient.Reply unknown = this.http.post(token, "/api/data/datasets/simulate", Map.of("equation", "navier"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().path("detail").asText()).contains("burgers");
		DataClient.Reply badParameter = this.http.post(token, "/api/data/datasets/simulate",
				Map.of("equation", "heat", "parameters", Map.of("mu", 1.0)));
		assertThat(badParameter.status()).isEqualTo(400);
		assertThat(badParameter.json().path("detail").asText()).contains("mu");
		assertThat(this.http.get(token, "/api/data/simulators").json().findValuesAsText("name")).contains("burgers",
				"heat", "kdv");
	}

	private Field canonical(String id, String token, Path file) throws IOException {
		Files.write(file, this.http.get(token, "/api/data/datasets/" + id + "/canonical").bytes());
		return DataSets.read(file);
	}

	private static Set<String> chunkKeysOf(Set<String> beforeComplete, Set<String> after) {
		Set<String> gone = new HashSet<>(beforeComplete);
		gone.removeAll(after);
		assertThat(gone).hasSize(3);
		return gone;
	}

	private long rows(String owner) {
		return StoredState.rows(this.jdbc, owner);
	}

	private Set<String> bucketKeys() {
		return StoredState.bucketKeys(this.minio);
	}

	private static String token(String subject, String... roles) {
		return TestJwks.shared().token(subject, roles);
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
