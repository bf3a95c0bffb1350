package io.physforge.pinntraining;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server standing in for data-service's {@code GET /api/data/datasets/{id}}
 * (the e2e module runs the real one) for a 1-D data set {@code u(t, x)}: a data set is
 * shown only to the bearer token it was registered for, anything else answers 404, as
 * data-service's ownership rule does.
 */
final class StubDataService implements AutoCloseable {

	private final HttpServer server;

	private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

	private final Map<UUID, String> keys = new ConcurrentHashMap<>();

	private final AtomicInteger lookups = new AtomicInteger();

	StubDataService() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/data/datasets/", this::show);
		this.server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Makes a data set visible to one token.
	 * @param id the data set
	 * @param token the bearer token that may see it
	 * @param canonicalKey the key of its canonical form in bucket {@code datasets}
	 */
	void register(UUID id, String token, String canonicalKey) {
		this.tokens.put(id, "Bearer " + token);
		this.keys.put(id, canonicalKey);
	}

	int lookups() {
		return this.lookups.get();
	}

	private void show(HttpExchange exchange) throws IOException {
		this.lookups.incrementAndGet();
		String path = exchange.getRequestURI().getPath();
		UUID id;
		try {
			id = UUID.fromString(path.substring("/api/data/datasets/".length()));
		}
		catch (IllegalArgumentException ex) {
			reply(exchange, 400, "{\"detail\":\"not a data set id\"}");
			return;
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (!"GET".equals(exchange.getRequestMethod()) || authorization == null
				|| !authorization.equals(this.tokens.get(id))) {
			reply(exchange, 404, "{\"status\":404,\"detail\":\"No dataset with id " + id + "\"}");
			return;
		}
		reply(exchange, 200,
				"{\"id\":\"" + id + "\",\"name\":\"stub\",\"owner\":\"someone\",\"fields\":[\"u\"],"
						+ "\"coordinates\":[{\"name\":\"t\",\"size\":21},{\"name\":\"x\",\"size\":64}],"
						+ "\"canonicalFormat\":\"NPZ\",\"canonical\":{\"bucket\":\"datasets\",\"key\":\""
						+ this.keys.get(id) + "\",\"format\":\"NPZ\",\"size\":1234}}");
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
