package io.physforge.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the services behind the gateway: it publishes a JWKS
 * like auth-service does and records every request it receives, so tests can see what the
 * gateway forwarded, and echoes the {@code X-Request-Id} as the services do. Paths ending
 * in {@code /flaky} answer 503 on their first call, paths ending in {@code /slow} answer
 * after three seconds.
 */
final class UpstreamStub implements AutoCloseable {

	record Received(String method, String path, String authorization, String requestId) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	UpstreamStub(RSAKey signingKey) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		String jwks = new JWKSet(signingKey.toPublicJWK()).toString();
		this.server.createContext("/", (exchange) -> handle(exchange, jwks));
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		this.server.start();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Received> received() {
		return this.received;
	}

	int calls(String path) {
		AtomicInteger count = this.calls.get(path);
		return (count != null) ? count.get() : 0;
	}

	private void handle(HttpExchange exchange, String jwks) throws IOException {
		String path = exchange.getRequestURI().getPath();
		exchange.getRequestBody().readAllBytes();
		this.received
			.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("X-Request-Id")));
		int call = this.calls.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
		if (path.endsWith("/.well-known/jwks.json")) {
			respond(exchange, 200, jwks);
		}
		else if (path.endsWith("/flaky") && call == 1) {
			respond(exchange, 503, "{\"status\":503}");
		}
		else if (path.endsWith("/slow")) {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 200, "{\"slow\":true}");
		}
		else {
			respond(exchange, 200, "{\"path\":\"" + path + "\",\"call\":" + call + "}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		// like every service: the request id echoed
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
		if (requestId != null) {
			exchange.getResponseHeaders().set("X-Request-Id", requestId);
		}
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
