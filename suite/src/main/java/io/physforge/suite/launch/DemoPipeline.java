package io.physforge.suite.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo's discovery pipeline through the gateway: data set in, equation out.
 */
final class DemoPipeline {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(5);

	private final HttpClient http;

	private final URI gateway;

	private final String token;

	private final PrintStream out;

	DemoPipeline(HttpClient http, URI gateway, String token, PrintStream out) {
		this.http = http;
		this.gateway = gateway;
		this.token = token;
		this.out = out;
	}

	/**
	 * Uploads (or simulates) the data set, runs discovery, prints the equation.
	 * @param burgers the PDE-FIND Burgers file, {@code null} to simulate one instead
	 * @return whether an equation was found
	 */
	boolean run(Path burgers) throws IOException, InterruptedException {
		HttpResponse<String> created;
		if (burgers != null) {
			created = upload(burgers);
			this.out.printf("  POST /api/data/datasets (%s) -> %d%n", burgers.getFileName(), created.statusCode());
		}
		else {
			created = send("POST", "/api/data/datasets/simulate",
					Map.of("equation", "burgers", "name", "demo burgers simulation"));
			this.out.printf("  POST /api/data/datasets/simulate (burgers; no shared/datasets found) -> %d%n",
					created.statusCode());
		}
		if (created.statusCode() != 201) {
			this.out.println("  data set not stored: " + created.body());
			return false;
		}
		String dataSet = JSON.readTree(created.body()).path("id").asText();
		HttpResponse<String> submitted = send("POST", "/api/orchestration/pipelines",
				Map.of("datasetId", dataSet, "steps", List.of(Map.of("type", "discovery"))));
		this.out.printf("  POST /api/orchestration/pipelines (discovery on %s) -> %d%n", dataSet,
				submitted.statusCode());
		if (submitted.statusCode() != 201) {
			this.out.println("  pipeline not submitted: " + submitted.body());
			return false;
		}
		String pipeline = JSON.readTree(submitted.body()).path("id").asText();
		long deadline = System.nanoTime() + PIPELINE_TIMEOUT.toNanos();
		JsonNode state;
		String last = "";
		while (true) {
			state = JSON.readTree(send("GET", "/api/orchestration/pipelines/" + pipeline, null).body());
			String status = state.path("status").asText();
			String line = status + " " + state.path("progress").asInt() + "%";
			if (!line.equals(last)) {
				this.out.println("  pipeline " + pipeline + ": " + line);
				last = line;
			}
			if (List.of("completed", "failed", "cancelled").contains(status)) {
				break;
			}
			if (System.nanoTime() > deadline) {
				this.out.println("  pipeline did not finish within " + PIPELINE_TIMEOUT.toMinutes() + " min");
				return false;
			}
			Thread.sleep(250);
		}
		if (!"completed".equals(state.path("status").asText())) {
			this.out.println("  pipeline " + state.path("status").asText() + ": " + state.path("error").asText());
			return false;
		}
		JsonNode runs = JSON.readTree(send("GET", "/api/discovery/runs/by-pipeline/" + pipeline, null).body());
		boolean found = false;
		for (JsonNode run : runs) {
			for (JsonNode equation : run.path("equations")) {
				this.out.println("  Discovered: " + text(equation));
				found = true;
			}
		}
		return found;
	}

	/**
	 * Plain text of an equation as physics-core writes it.
	 * @param equation {@code {"lhs":"u_t","terms":[{"term":"u*u_x","coefficient":-1.0}]}}
	 * @return {@code u_t = -1.0000*u*u_x}
	 */
	static String text(JsonNode equation) {
		StringBuilder text = new StringBuilder(equation.path("lhs").asText()).append(" =");
		boolean first = true;
		for (JsonNode term : equation.path("terms")) {
			double c = term.path("coefficient").asDouble();
			text.append(first ? (c < 0 ? " -" : " ") : (c < 0 ? " - " : " + "));
			text.append(String.format(Locale.ROOT, "%.4f", Math.abs(c)));
			String name = term.path("term").asText();
			if (!name.equals("1")) {
				text.append('*').append(name);
			}
			first = false;
		}
		return first ? text.append(" 0").toString() : text.toString();
	}

	private HttpResponse<String> upload(Path file) throws IOException, InterruptedException {
		String boundary = "physforge-demo-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
						+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		body.write(Files.readAllBytes(file));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(this.gateway.resolve("/api/data/datasets"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.header("Authorization", "Bearer " + this.token)
			.timeout(Duration.ofMinutes(2));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
