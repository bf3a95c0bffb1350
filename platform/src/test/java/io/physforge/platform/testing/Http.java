package io.physforge.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small real-HTTP client for tests: JSON in, status, headers and JSON out.
 */
public final class Http {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	/**
	 * @param base scheme, host and port, such as {@code http://127.0.0.1:8081}
	 */
	public Http(String base) {
		this.base = base;
	}

	/**
	 * @param port local port of the server under test
	 * @return a client for {@code http://127.0.0.1:<port>}
	 */
	public static Http local(int port) {
		return new Http("http://127.0.0.1:" + port);
	}

	/**
	 * Sends a request.
	 * @param method HTTP method
	 * @param path path and query
	 * @param token bearer token or {@code null}
	 * @param body object serialised as JSON, a raw JSON {@code String}, or {@code null}
	 * @param headers extra headers
	 * @return the response
	 */
	public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
		try {
			String json = (body == null) ? null : (body instanceof String text) ? text : JSON.writeValueAsString(body);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
						: HttpRequest.BodyPublishers.noBody());
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			headers.forEach(request::header);
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * GET with an optional token.
	 * @param path path
	 * @param token bearer token or {@code null}
	 * @return the response
	 */
	public Response get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	/**
	 * POST JSON with an optional token.
	 * @param path path
	 * @param token bearer token or {@code null}
	 * @param body JSON body
	 * @return the response
	 */
	public Response post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	/** A received response. */
	public static final class Response {

		private final HttpResponse<String> response;

		Response(HttpResponse<String> response) {
			this.response = response;
		}

		/**
		 * @return the status code
		 */
		public int status() {
			return this.response.statusCode();
		}

		/**
		 * @param name header name
		 * @return its first value or {@code null}
		 */
		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		/**
		 * @return the raw body
		 */
		public String body() {
			return this.response.body();
		}

		/**
		 * @return the body parsed as JSON
		 */
		public JsonNode json() {
			try {
				return JSON.readTree(this.response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON (" + status() + "): " + this.response.body(), ex);
			}
		}

		@Override
		public String toString() {
			return status() + " " + this.response.body();
		}

	}

}
