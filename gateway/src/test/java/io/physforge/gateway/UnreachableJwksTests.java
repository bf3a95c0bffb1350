package io.physforge.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * When auth-service's keys cannot be fetched, a token cannot be judged either way: the
 * gateway answers 503 with {@code Retry-After}, not 401 and not 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnreachableJwksTests {

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void unreachableJwks(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		registry.add("PF_JWKS_URI", () -> "http://127.0.0.1:" + closedPort + "/api/auth/.well-known/jwks.json");
	}

	@Test
	void tokenCheckUnavailableIs503WithRetryAfter() {
		String token = new Tokens(Tokens.newKey("any")).valid();
		this.client.get()
			.uri("/api/data/info")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://physforge.dev/problems/token-check-unavailable");
	}

}
