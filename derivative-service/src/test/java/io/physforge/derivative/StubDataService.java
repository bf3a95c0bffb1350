package io.physforge.derivative;

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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server standing in for data-service's {@code GET /api/data/datasets/{id}}
 * (the e2e module runs the real one): a data set is shown only to the bearer token it was
 * registered for, with the canonical key it was registered with (a real object in bucket
 * {@code datasets}); anything else answers 404, as data-service's ownership rule does.
 */
final class StubDataService implements AutoCloseable {

	private final HttpServer server;

	private final Map<UUID, String[]> dataSets = new ConcurrentHashMap<>();

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
	 * Makes a new data set visible to one token.
	 * @param token the bearer token that may see it
	 * @param canonicalKey the key of its canonical form in bucket {@code datasets}
	 * @return its id
	 */
	UUID register(String token, String canonicalKey) {
		UUID id = UUID.randomUUID();
		this.dataSets.put(id, new String[] { "Bearer " + token, canonicalKey });
		return id;
	}

	private void show(HttpExchange exchange) throws IOException {
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
		String[] dataSet = this.dataSets.get(id);
		if (!"GET".equals(exchange.getRequestMethod()) || authorization == null || dataSet == null
				|| !authorization.equals(dataSet[0])) {
			reply(exchange, 404, "{\"status\":404,\"detail\":\"No dataset with id " + id + "\"}");
			return;
		}
		reply(exchange, 200,
				"{\"id\":\"" + id + "\",\"name\":\"stub\",\"owner\":\"someone\",\"canonicalFormat\":\"NPZ\","
						+ "\"canonical\":{\"bucket\":\"datasets\",\"key\":\"" + dataSet[1]
						+ "\",\"format\":\"NPZ\",\"size\":1234}}");
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
