package io.physforge.suite.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A short tour through the gateway, run after startup: registers and logs in a demo user,
 * then calls every service's protected {@code GET /api/<name>/info} with the token.
 */
public final class Demo {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Suite suite;

	private final PrintStream out;

	/**
	 * @param suite the running suite
	 * @param out where to print
	 */
	public Demo(Suite suite, PrintStream out) {
		this.suite = suite;
		this.out = out;
	}

	/**
	 * Runs the tour.
	 * @return whether every call succeeded
	 */
	public boolean run() {
		try {
			URI gateway = this.suite.gatewayUri();
			String email = "demo-" + randomHex(4) + "@physforge.local";
			String password = "demo-" + randomHex(12);
			this.out.println("Demo through the gateway at " + gateway + ":");
			HttpResponse<String> registered = post(gateway.resolve("/api/auth/register"),
					Map.of("email", email, "password", password, "displayName", "Demo user"));
			this.out.printf("  POST /api/auth/register %s -> %d%n", email, registered.statusCode());
			HttpResponse<String> login = post(gateway.resolve("/api/auth/login"),
					Map.of("email", email, "password", password));
			this.out.printf("  POST /api/auth/login -> %d%n", login.statusCode());
			if (login.statusCode() != 200) {
				this.out.println("  login failed: " + login.body());
				return false;
			}
			String token = JSON.readTree(login.body()).path("accessToken").asText();
			boolean allOk = true;
			for (ServiceDefinition service : this.suite.services()) {
				String path = "/api/" + service.apiName() + "/info";
				HttpResponse<String> info = this.http.send(HttpRequest.newBuilder(gateway.resolve(path))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
				this.out.printf("  GET %-28s -> %d %s%n", path, info.statusCode(), summary(info.body()));
				allOk &= info.statusCode() == 200;
			}
			return allOk && registered.statusCode() / 100 == 2;
		}
		catch (IOException ex) {
			this.out.println("  demo failed: " + ex);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private HttpResponse<String> post(URI uri, Map<String, String> body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	private static String summary(String body) {
		try {
			JsonNode json = JSON.readTree(body);
			return json.toString().length() > 120 ? json.toString().substring(0, 117) + "..." : json.toString();
		}
		catch (IOException ex) {
			return body.length() > 120 ? body.substring(0, 117) + "..." : body;
		}
	}

}
