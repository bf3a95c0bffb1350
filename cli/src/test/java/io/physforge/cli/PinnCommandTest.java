package io.physforge.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.pinn.PinnModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code physforge pinn} and {@code physforge discover --derivative pinn} in process, on
 * a small simulated advection-diffusion data set ({@code u_t = -0.5 u_x + 0.1 u_xx}).
 */
class PinnCommandTest {

	@TempDir
	static Path dir;

	static Path data;

	@BeforeAll
	static void simulate() {
		data = dir.resolve("adv.npz");
		CliRun sim = CliRun.of("simulate", "advection-diffusion", "--param", "c=0.5", "--out", data.toString(),
				"--seed", "3");
		assertThat(sim.exitCode()).as(sim.err()).isZero();
	}

	@Test
	void learnsCoefficientsPrintsJsonAndSavesTheModel() throws Exception {
		Path model = dir.resolve("adv.pinn.json");
		CliRun run = CliRun.of("pinn", data.toString(), "--pde", "u_t = a*u_x + b*u_xx", "--layers", "3x20", "--epochs",
				"400", "--lbfgs", "300", "--data-points", "1500", "--collocation-points", "1000", "--json", "--save",
				model.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).contains("%").contains("loss");
		JsonNode json = new ObjectMapper().readTree(run.out());
		assertThat(json.path("coefficients").path("a").asDouble()).isBetween(-0.55, -0.45);
		assertThat(json.path("coefficients").path("b").asDouble()).isBetween(0.08, 0.12);
		assertThat(json.path("losses").has("data")).isTrue();
		assertThat(json.path("losses").has("pde")).isTrue();
		assertThat(json.path("epochs").asInt()).isPositive();
		assertThat(json.path("provenance").path("seed").asLong()).isZero();
		assertThat(json.path("equation").asText()).startsWith("u_t = -0.");
		PinnModel loaded = PinnModel.load(model);
		assertThat(loaded.coefficients().get("a")).isEqualTo(json.path("coefficients").path("a").asDouble());
	}

	@Test
	void discoversWithPinnDerivatives() throws Exception {
		CliRun run = CliRun.of("discover", data.toString(), "--derivative", "pinn", "--derivative-option",
				"layers=3x20,epochs=400,lbfgsIterations=400,dataPoints=3000", "--max-order", "2", "--json");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).contains("PINN");
		JsonNode json = new ObjectMapper().readTree(run.out());
		JsonNode terms = json.path("equations").get(0).path("terms");
		assertThat(terms.size()).as(json.path("equations").toString()).isEqualTo(2);
		assertThat(json.path("provenance").path("settings").path("derivativeSource").path("method").asText())
			.isEqualTo("pinn");
	}

	@Test
	void refusesABadEquationInOneLine() {
		CliRun run = CliRun.of("pinn", data.toString(), "--pde", "u_t = a*w_x", "--epochs", "10");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("'w_x' names no field");
		assertThat(run.err().strip()).doesNotContain("\n");
	}

}
