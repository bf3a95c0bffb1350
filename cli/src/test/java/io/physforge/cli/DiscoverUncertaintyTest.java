package io.physforge.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON contract of issue 6: every term of a strong or weak result carries {@code ci}
 * and {@code inclusion}; the sparsity path is in {@code candidates}; {@code --validate}
 * adds {@code metrics.validation}.
 */
class DiscoverUncertaintyTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static JsonNode run(String... args) throws Exception {
		CliRun run = CliRun.of(args);
		assertThat(run.exitCode()).as(run.err()).isZero();
		return JSON.readTree(run.out());
	}

	private static void assertTermsCarryUncertainty(JsonNode root) {
		for (JsonNode eq : root.get("equations")) {
			assertThat(eq.get("terms")).isNotEmpty();
			for (JsonNode t : eq.get("terms")) {
				assertThat(t.get("ci").isArray()).as(t.toString()).isTrue();
				assertThat(t.get("ci")).hasSize(2);
				double c = t.get("coefficient").asDouble();
				assertThat(t.get("ci").get(0).asDouble()).isLessThanOrEqualTo(c);
				assertThat(t.get("ci").get(1).asDouble()).isGreaterThanOrEqualTo(c);
				assertThat(t.get("inclusion").asDouble()).isBetween(0.5, 1.0);
			}
			JsonNode em = root.get("metrics").get("equations").get(eq.get("lhs").asText());
			assertThat(em.get("candidates").size()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void strongResultWithValidation() throws Exception {
		JsonNode root = run("discover", ReferenceData.pdeFind("burgers.npz").toString(), "--json", "--method", "strong",
				"--derivative", "fd", "--validate");
		assertTermsCarryUncertainty(root);
		JsonNode v = root.get("metrics").get("validation");
		assertThat(v.get("status").asText()).isEqualTo("ok");
		assertThat(v.get("relativeError").asDouble()).isLessThan(1e-3);
	}

	@Test
	void weakResultWithEnsemble(@TempDir Path dir) throws Exception {
		Field noisy = Noise.add(DataSets.read(ReferenceData.pdeFind("kdv.npz")), 0.1, 3L);
		Path file = dir.resolve("kdv10.npz");
		DataSets.write(noisy, file);
		JsonNode root = run("discover", file.toString(), "--json", "--ensemble", "50");
		assertThat(root.get("metrics").get("method").asText()).isEqualTo("weak");
		assertTermsCarryUncertainty(root);
		JsonNode ens = root.get("metrics").get("equations").get("u_t").get("ensemble");
		assertThat(ens.get("members").asInt()).isEqualTo(50);
	}

}
