package io.physforge.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 5's pipeline end to end, through the gateway with the {@code physforge} command:
 * PDE-FIND's Burgers data with 5% noise goes through {@code pinn -> derivatives ->
 * discovery} (a PINN denoises, its exact derivatives feed PDE-FIND) and gives
 * {@code u_t = -u u_x + 0.1 u_xx}, with the loss curve in the progress events; a cancel
 * stops a long training within seconds.
 */
@ExtendWith(RunningSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PinnPipelineIT {

	private final Api api;

	private Cli alice;

	private Api.Tokens tokens;

	private String dataSet;

	PinnPipelineIT(Api api) {
		this.api = api;
	}

	@BeforeAll
	void logInAndUploadNoisyBurgers(@TempDir Path home) {
		String email = Api.uniqueEmail("pinn");
		String password = "Pinn-" + UUID.randomUUID();
		assertThat(this.api.register(email, password).status()).isEqualTo(201);
		this.tokens = this.api.login(email, password);
		this.alice = new Cli(this.api.gateway().toString(), home.resolve("alice"));
		assertThat(this.alice.run("login", "--email", email, "--password", password).exit()).isZero();
		Field noisy = Noise.add(DataSets.read(ReferenceData.burgers()), 0.05, 5);
		Path file = home.resolve("burgers-5pct.npz");
		DataSets.write(noisy, file);
		Cli.Result upload = this.alice.run("datasets", "upload", file.toString(), "--output", "json");
		assertThat(upload.exit()).as(upload.toString()).isZero();
		this.dataSet = upload.json().path("id").asText();
	}

	@Test
	@Order(1)
	void pinnDerivativesDiscoveryFindsBurgersInFivePercentNoise() {
		Cli.Result run = assertTimeoutPreemptively(Duration.ofMinutes(12),
				() -> this.alice.run("run", this.dataSet, "--steps", "pinn,derivatives,discovery", "--param",
						"pinn.epochs=500", "--param", "pinn.lbfgsIterations=500", "--param", "pinn.dataPoints=4000",
						"--param", "pinn.progressEvery=25", "--param", "derivatives.method=pinn", "--watch", "--output",
						"json"));
		assertThat(run.exit()).as(run.toString()).isZero();
		JsonNode ended = run.json();
		assertThat(ended.path("status").asText()).isEqualTo("completed");
		// the loss curve reached the watcher as progress events
		assertThat(run.err()).contains("loss").containsPattern("adam|lbfgs");
		String pinnJob = null;
		for (JsonNode job : ended.path("jobs")) {
			if (job.path("type").asText().equals("pinn")) {
				pinnJob = job.path("id").asText();
				assertThat(job.path("result").path("kind").asText()).isEqualTo("pinn-model");
			}
		}
		assertThat(pinnJob).as("the pinn job of " + ended).isNotNull();
		Api.Response result = this.api.get("/api/pinn/jobs/" + pinnJob + "/result", this.tokens.accessToken());
		assertThat(result.status()).as(result.toString()).isEqualTo(200);
		assertThat(result.json().toString()).contains("data");

		Cli.Result equations = this.alice.run("equations", "show", ended.path("id").asText(), "--output", "json");
		assertThat(equations.exit()).as(equations.toString()).isZero();
		JsonNode equation = equations.json().get(0).path("equations").get(0);
		Map<String, Double> terms = new HashMap<>();
		equation.path("terms").forEach((t) -> terms.put(t.path("term").asText(), t.path("coefficient").asDouble()));
		assertThat(terms).as(equation.toString()).containsOnlyKeys("u*u_x", "u_xx");
		assertThat(terms.get("u*u_x")).isCloseTo(-1.0, within(0.05));
		assertThat(terms.get("u_xx")).isCloseTo(0.1, within(0.005));
	}

	@Test
	@Order(2)
	void aCancelStopsTrainingWithinSeconds() {
		Cli.Result submitted = this.alice.run("run", this.dataSet, "--steps", "pinn", "--param", "pinn.epochs=1000000",
				"--param", "pinn.progressEvery=10", "--output", "json");
		assertThat(submitted.exit()).as(submitted.toString()).isZero();
		String pipeline = submitted.json().path("id").asText();
		String job = submitted.json().path("jobs").get(0).path("id").asText();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		JsonNode status = null;
		while (System.nanoTime() < deadline) {
			Api.Response r = this.api.get("/api/pinn/jobs/" + job + "/status", this.tokens.accessToken());
			if (r.status() == 200) {
				status = r.json();
				if (status.path("status").asText().equals("running") && status.toString().contains("loss")) {
					break;
				}
			}
			sleepMillis(200);
		}
		assertThat(status).as("training never reported a loss").isNotNull();
		assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("running");

		long cancelledAt = System.nanoTime();
		Cli.Result cancel = this.alice.run("pipelines", "cancel", pipeline);
		assertThat(cancel.exit()).as(cancel.toString()).isZero();
		String now = "";
		while (System.nanoTime() - cancelledAt < Duration.ofSeconds(30).toNanos()) {
			now = this.api.get("/api/pinn/jobs/" + job + "/status", this.tokens.accessToken())
				.json()
				.path("status")
				.asText();
			if (now.equals("cancelled")) {
				break;
			}
			sleepMillis(200);
		}
		assertThat(now).isEqualTo("cancelled");
		double seconds = (System.nanoTime() - cancelledAt) / 1e9;
		System.out.printf("cancel -> training stopped in %.1f s%n", seconds);
		assertThat(seconds).isLessThan(15);
		assertThat(this.api.get("/api/orchestration/pipelines/" + pipeline, this.tokens.accessToken())
			.json()
			.path("status")
			.asText()).isEqualTo("cancelled");
	}

	private static void sleepMillis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
