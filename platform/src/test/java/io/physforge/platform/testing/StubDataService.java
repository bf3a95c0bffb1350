package io.physforge.platform.testing;

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
 * (the e2e module runs the real one): a data set is shown only to the bearer token it was
 * registered for, with the canonical key it was registered with (in bucket
 * {@code datasets}); anything else answers 404, as data-service's ownership rule does.
 * Services whose tests need more of the data set (its fields, its coordinates) give those
 * JSON members to {@link #StubDataService(String)}.
 */
public final class StubDataService implements AutoCloseable {

	private static final String PATH = "/api/data/datasets/";

	private final HttpServer server;

	private final String extraMembers;

	private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

	private final Map<UUID, String> keys = new ConcurrentHashMap<>();

	private final AtomicInteger lookups = new AtomicInteger();

	/**
	 * Starts a stub that shows id, name, owner and canonical form of each data set.
	 */
	public StubDataService() {
		this("");
	}

	/**
	 * Starts a stub that also shows the given JSON members in every data set.
	 * @param extraMembers JSON members without surrounding braces, for example
	 * {@code "fields":["u"]}, or an empty string for none
	 */
	public StubDataService(String extraMembers) {
		this.extraMembers = extraMembers.isBlank() ? "" : extraMembers + ",";
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext(PATH, this::show);
		this.server.start();
	}

	/**
	 * @return the base URI to configure as data-service's address
	 */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Makes a new data set visible to one token.
	 * @param token the bearer token that may see it
	 * @param canonicalKey the key of its canonical form in bucket {@code datasets}
	 * @return its id
	 */
	public UUID register(String token, String canonicalKey) {
		UUID id = UUID.randomUUID();
		register(id, token, canonicalKey);
		return id;
	}

	/**
	 * Makes a data set visible to one token.
	 * @param id the data set
	 * @param token the bearer token that may see it
	 * @param canonicalKey the key of its canonical form in bucket {@code datasets}
	 */
	public void register(UUID id, String token, String canonicalKey) {
		this.tokens.put(id, "Bearer " + token);
		this.keys.put(id, canonicalKey);
	}

	/**
	 * Makes a data set visible to one token, with the canonical key
	 * {@link #canonicalKey(UUID)}.
	 * @param id the data set
	 * @param token the bearer token that may see it
	 * @return the canonical key data-service would show
	 */
	public String register(UUID id, String token) {
		String key = canonicalKey(id);
		register(id, token, key);
		return key;
	}

	/**
	 * @param id a data set
	 * @return the canonical key {@link #register(UUID, String)} gives it
	 */
	public static String canonicalKey(UUID id) {
		return "canonical-of-" + id;
	}

	/**
	 * @return how many look-ups this stub has answered (any status)
	 */
	public int lookups() {
		return this.lookups.get();
	}

	private void show(HttpExchange exchange) throws IOException {
		this.lookups.incrementAndGet();
		String path = exchange.getRequestURI().getPath();
		UUID id;
		try {
			id = UUID.fromString(path.substring(PATH.length()));
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
				"{\"id\":\"" + id + "\",\"name\":\"stub\",\"owner\":\"someone\"," + this.extraMembers
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
