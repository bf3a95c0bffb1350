package io.physforge.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real-HTTP calls the data-service tests need beyond JSON: multipart uploads, raw chunks
 * and binary downloads.
 */
final class DataClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	DataClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Reply upload(String token, String filename, byte[] content, String name) {
		String boundary = "pf-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n");
		if (name != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n");
			write(body, "--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nuploaded by a test\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(this.base + "/api/data/datasets"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	Reply put(String token, String path, byte[] content) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
	}

	Reply get(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Bearer " + token));
	}

	Reply post(String token, String path, Object json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(toJson(json))));
	}

	Reply delete(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.DELETE());
	}

	static byte[] fetch(String url) {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String toJson(Object value) {
		try {
			return (value instanceof String text) ? text : JSON.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	record Reply(HttpResponse<byte[]> response) {

		int status() {
			return this.response.statusCode();
		}

		byte[] bytes() {
			return this.response.body();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON (" + status() + "): " + this, ex);
			}
		}

		@Override
		public String toString() {
			return status() + " " + new String(this.response.body(), StandardCharsets.UTF_8);
		}

	}

}
