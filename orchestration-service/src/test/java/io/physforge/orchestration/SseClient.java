package io.physforge.orchestration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a server-sent-event stream over real HTTP (java.net.http) on a background thread.
 */
final class SseClient implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** An event; {@code name} {@code <closed>} marks the end of the stream. */
	record Event(String name, JsonNode data) {

	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private final Thread reader;

	private SseClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = new Thread(this::read, "sse-test-client");
		this.reader.setDaemon(true);
		if (response.statusCode() == 200) {
			this.reader.start();
		}
	}

	static SseClient open(int port, String path, String token) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return new SseClient(client.send(request, HttpResponse.BodyHandlers.ofLines()));
	}

	int status() {
		return this.response.statusCode();
	}

	String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse("");
	}

	/**
	 * The next event, or {@code null} after the timeout.
	 */
	Event next(Duration timeout) throws InterruptedException {
		return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void read() {
		String name = "message";
		StringBuilder data = new StringBuilder();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (data.length() > 0) {
						this.events.add(new Event(name, JSON.readTree(data.toString())));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// stream closed by close() or the server
		}
		this.events.add(new Event("<closed>", null));
	}

	@Override
	public void close() {
		this.reader.interrupt();
		try {
			this.response.body().close();
		}
		catch (RuntimeException ex) {
			// already closed
		}
	}

}
