package io.physforge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.physforge.suite.launch.ServiceDefinition;
import io.physforge.suite.launch.Suite;

/**
 * A plain HTTP client (java.net.http) for the running suite, plus the few auth calls
 * every test needs.
 */
final class Api {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Suite suite;

	Api(Suite suite) {
		this.suite = suite;
	}

	/** An answer: status, headers and the body parsed as JSON when it is JSON. */
	record Response(int status, Map<String, List<String>> headers, String text) {

		JsonNode json() {
			try {
				return this.text.isBlank() ? MissingNode.getInstance() : JSON.readTree(this.text);
			}
			catch (IOException ex) {
				throw new AssertionError("Not JSON (status " + this.status + "): " + this.text, ex);
			}
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.text;
		}

	}

	/** Tokens from login or refresh. */
	record Tokens(String accessToken, String refreshToken) {
	}

	URI gateway() {
		return this.suite.gatewayUri();
	}

	URI service(String apiName) {
		return this.suite.serviceUri(apiName);
	}

	List<ServiceDefinition> services() {
		return this.suite.services();
	}

	Response get(String path, String token) {
		return send(this.suite.gatewayUri(), "GET", path, null, token, Map.of());
	}

	Response post(String path, Object body, String token) {
		return send(this.suite.gatewayUri(), "POST", path, body, token, Map.of());
	}

	Response send(URI base, String method, String path, Object body, String token, Map<String, String> headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			headers.forEach(request::header);
			if (body != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.physforge.local";
	}

	Response register(String email, String password) {
		return post("/api/auth/register", Map.of("email", email, "password", password, "displayName", "E2E user"),
				null);
	}

	Tokens login(String email, String password) {
		Response response = post("/api/auth/login", Map.of("email", email, "password", password), null);
		if (response.status() != 200) {
			throw new AssertionError("login of " + email + " failed: " + response);
		}
		return tokens(response);
	}

	Response refresh(String refreshToken) {
		return post("/api/auth/refresh", Map.of("refreshToken", refreshToken), null);
	}

	static Tokens tokens(Response response) {
		JsonNode json = response.json();
		return new Tokens(json.path("accessToken").asText(null), json.path("refreshToken").asText(null));
	}

	Tokens newUser(String prefix) {
		String email = uniqueEmail(prefix);
		String password = "Secret-" + UUID.randomUUID();
		Response registered = register(email, password);
		if (registered.status() / 100 != 2) {
			throw new AssertionError("register " + email + " failed: " + registered);
		}
		return login(email, password);
	}

	Tokens admin() {
		return login(RunningSuite.ADMIN_EMAIL, RunningSuite.ADMIN_PASSWORD);
	}

}
