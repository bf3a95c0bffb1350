package io.physforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when accuracy of issue 3 through {@code physforge discover}, run in process:
 * the PDE-FIND reference data in every format, clean (exact structure, coefficients
 * within 1%), and burgers with 1% noise (exact structure).
 */
class DiscoverCommandTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The true equations of the reference data (shared/datasets/README.md). */
	static Map<String, Map<String, Double>> truth(String dataset) {
		Map<String, Map<String, Double>> t = new LinkedHashMap<>();
		switch (dataset) {
			case "burgers" -> t.put("u_t", Map.of("u*u_x", -1.0, "u_xx", 0.1));
			case "kdv" -> t.put("u_t", Map.of("u*u_x", -6.0, "u_xxx", -1.0));
			case "kuramoto_sivashinsky" -> t.put("u_t", Map.of("u*u_x", -1.0, "u_xx", -1.0, "u_xxxx", -1.0));
			case "nls" -> {
				t.put("u_t", Map.of("v_xx", -0.5, "u^2*v", -1.0, "v^3", -1.0));
				t.put("v_t", Map.of("u_xx", 0.5, "u^3", 1.0, "u*v^2", 1.0));
			}
			default -> throw new IllegalArgumentException(dataset);
		}
		return t;
	}

	/**
	 * Runs discover --json and returns the worst relative coefficient error, after
	 * checking that the structure is exact.
	 */
	static double discoverAndCheck(String dataset, Path file, String... extra) throws Exception {
		String[] args = new String[extra.length + 3];
		args[0] = "discover";
		args[1] = file.toString();
		args[2] = "--json";
		System.arraycopy(extra, 0, args, 3, extra.length);
		CliRun run = CliRun.of(args);
		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode root = JSON.readTree(run.out());
		Map<String, Map<String, Double>> truth = truth(dataset);
		assertThat(root.get("equations")).hasSize(truth.size());
		double worst = 0;
		for (JsonNode eq : root.get("equations")) {
			Map<String, Double> expected = truth.get(eq.get("lhs").asText());
			Map<String, Double> found = new LinkedHashMap<>();
			eq.get("terms").forEach((t) -> found.put(t.get("term").asText(), t.get("coefficient").asDouble()));
			assertThat(found.keySet()).as(file + ": " + eq.get("latex").asText()).isEqualTo(expected.keySet());
			for (Map.Entry<String, Double> e : expected.entrySet()) {
				worst = Math.max(worst, Math.abs(found.get(e.getKey()) / e.getValue() - 1));
			}
		}
		return worst;
	}

	@ParameterizedTest(name = "{0} (auto derivative) on {1}")
	@CsvSource({ "burgers, burgers.npz", "kdv, kdv.npz", "kuramoto_sivashinsky, kuramoto_sivashinsky.npz",
			"nls, nls.npz" })
	void findsReferenceEquationsWithDefaults(String dataset, String file) throws Exception {
		double worst = discoverAndCheck(dataset, ReferenceData.pdeFind(file));
		assertThat(worst).as(dataset).isLessThanOrEqualTo(0.01);
	}

	/**
	 * The other formats, with the derivative the automatic choice picks for each data set
	 * (fd for burgers and kuramoto_sivashinsky, 11-point PolyDiff for kdv and nls), so
	 * that the formats are covered without running every candidate again.
	 */
	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "burgers, burgers.h5, fd", "burgers, burgers.nc, fd", "burgers, burgers.mat, fd",
			"burgers, burgers.csv, fd", "kdv, kdv.h5, poly", "kdv, kdv.nc, poly", "kdv, kdv.mat, poly",
			"kuramoto_sivashinsky, kuramoto_sivashinsky.h5, fd", "kuramoto_sivashinsky, kuramoto_sivashinsky.nc, fd",
			"kuramoto_sivashinsky, kuramoto_sivishinky.mat, fd", "nls, nls.h5, poly", "nls, nls.nc, poly",
			"nls, nls.mat, poly" })
	void findsReferenceEquationsInEveryFormat(String dataset, String file, String derivative) throws Exception {
		String option = derivative.equals("poly") ? "width=5,degree=5" : "accuracy=4";
		double worst = discoverAndCheck(dataset, ReferenceData.pdeFind(file), "--derivative", derivative,
				"--derivative-option", option);
		assertThat(worst).as(dataset).isLessThanOrEqualTo(0.01);
	}

	/**
	 * Burgers and KdV with 1% noise through the defaults: {@code --method auto} estimates
	 * the noise and takes the weak form (measured worst errors: burgers 6.5e-4, kdv
	 * 2.0e-4 over seeds 1-3; the strong form gets KdV's structure wrong here).
	 */
	@ParameterizedTest(name = "{0}, 1% noise, seed {1}")
	@CsvSource({ "burgers, burgers.npz, 1", "burgers, burgers.npz, 2", "kdv, kdv.npz, 1", "kdv, kdv.npz, 2" })
	void findsStructureAtOnePercentNoise(String dataset, String file, long seed, @TempDir Path dir) throws Exception {
		Field clean = DataSets.read(ReferenceData.pdeFind(file));
		Path noisy = dir.resolve(dataset + "-noisy.npz");
		DataSets.write(Noise.add(clean, 0.01, seed), noisy);
		double worst = discoverAndCheck(dataset, noisy);
		assertThat(worst).isLessThan(1e-3);
		CliRun run = CliRun.of("discover", noisy.toString(), "--json");
		JsonNode metrics = JSON.readTree(run.out()).get("metrics");
		assertThat(metrics.get("method").asText()).isEqualTo("weak");
		assertThat(metrics.get("noiseLevel").get("u").asDouble()).isBetween(0.009, 0.011);
	}

	/**
	 * {@code --product-rule} gives the weak form the strong form's library: the products
	 * of a monomial and one derivative ({@code u*u_xx}, ...) join the 11 divergence
	 * terms.
	 */
	@Test
	void productRuleWidensTheWeakLibrary(@TempDir Path dir) throws Exception {
		Path noisy = dir.resolve("burgers-noisy.npz");
		DataSets.write(Noise.add(DataSets.read(ReferenceData.pdeFind("burgers.npz")), 0.01, 1L), noisy);
		CliRun plain = CliRun.of("discover", noisy.toString(), "--method", "weak", "--json");
		CliRun wide = CliRun.of("discover", noisy.toString(), "--method", "weak", "--product-rule", "--json");
		assertThat(wide.exitCode()).as(wide.err()).isZero();
		JsonNode plainRoot = JSON.readTree(plain.out());
		JsonNode wideRoot = JSON.readTree(wide.out());
		assertThat(plainRoot.get("metrics").get("librarySize").asInt()).isEqualTo(11);
		assertThat(wideRoot.get("metrics").get("librarySize").asInt()).isEqualTo(20);
		assertThat(wideRoot.get("metrics").get("library").toString()).contains("u*u_xx");
		assertThat(wideRoot.get("provenance").get("settings").get("productRule").asBoolean()).isTrue();
		Map<String, Double> found = new LinkedHashMap<>();
		wideRoot.get("equations")
			.get(0)
			.get("terms")
			.forEach((t) -> found.put(t.get("term").asText(), t.get("coefficient").asDouble()));
		assertThat(found.keySet()).containsExactlyInAnyOrder("u*u_x", "u_xx");
		assertThat(Math.abs(found.get("u*u_x") + 1.0)).isLessThan(5e-3);
		assertThat(Math.abs(found.get("u_xx") - 0.1)).isLessThan(5e-4);
	}

	@Test
	void jsonCarriesMetricsAndProvenance() throws Exception {
		Path file = ReferenceData.pdeFind("burgers.nc");
		CliRun run = CliRun.of("discover", file.toString(), "--json", "--derivative", "fd", "--seed", "5");
		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode root = JSON.readTree(run.out());
		JsonNode eq = root.get("equations").get(0);
		assertThat(eq.get("lhs").asText()).isEqualTo("u_t");
		assertThat(eq.get("latex").asText()).isEqualTo("u_{t} = -1.000 u u_{x} + 0.1000 u_{xx}");
		assertThat(root.get("metrics").get("librarySize").asInt()).isEqualTo(20);
		assertThat(root.get("metrics").get("equations").get("u_t").get("r2").asDouble()).isGreaterThan(0.9999);
		JsonNode prov = root.get("provenance");
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		assertThat(prov.get("inputSha256").asText()).isEqualTo(sha);
		assertThat(prov.get("input").asText()).isEqualTo("burgers.nc");
		assertThat(prov.get("seed").asLong()).isEqualTo(5);
		assertThat(prov.get("version").asText()).isNotEqualTo("unknown");
		assertThat(prov.get("settings").get("derivative").asText()).isEqualTo("fd");
	}

	/**
	 * {@code --details} on NLS at 50% noise, seed 13: each term with its interval and
	 * inclusion, the {@code v^2} term dropped as insignificant, the weak form and the
	 * estimated noise level (sigma over the noisy data's standard deviation, 44.7%).
	 */
	@Test
	void printsHowSureItIsWithDetails(@TempDir Path dir) throws Exception {
		Path noisy = dir.resolve("nls50.npz");
		DataSets.write(Noise.add(DataSets.read(ReferenceData.pdeFind("nls.npz")), 0.5, 13L), noisy);
		CliRun run = CliRun.of("discover", noisy.toString(), "--details", "--seed", "13");
		assertThat(run.exitCode()).as(run.err()).isZero();
		List<String> lines = run.out().strip().lines().toList();
		assertThat(lines.get(0)).startsWith("u_t = ");
		assertThat(lines.get(1)).contains("term").contains("95% interval").contains("inclusion");
		assertThat(lines).anyMatch((l) -> l.matches("\\s+v_xx\\s+-0\\.\\d+\\s+\\[.*\\]\\s+1\\.00"));
		assertThat(lines).anyMatch((l) -> l.contains("dropped, its 95% interval contains zero: v^2"));
		assertThat(lines).anyMatch((l) -> l.startsWith("v_t = "));
		// sigma relative to the std of the noisy data: 0.5 / sqrt(1 + 0.5^2) = 0.447
		assertThat(lines.get(lines.size() - 1)).startsWith("method: weak; estimated noise (sigma / std): u 44.")
			.contains("v 44.");
	}

	@Test
	void printsEquationsAsText() {
		CliRun run = CliRun.of("discover", ReferenceData.pdeFind("burgers.h5").toString(), "--derivative", "fd");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out().strip()).isEqualTo("u_t = -1.0000*u*u_x + 0.1000*u_xx");
	}

}
