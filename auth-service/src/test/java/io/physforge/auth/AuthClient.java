package io.physforge.auth;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.physforge.platform.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls auth-service over HTTP the way a client does. Every login carries a fresh
 * {@code X-Forwarded-For} address (198.18.0.0/15, a benchmark range) so per-address
 * throttling in one test never affects another.
 */
final class AuthClient {

	static final String ADMIN_EMAIL = "admin@test.physforge.dev";

	static final String ADMIN_PASSWORD = "admin-password-1";

	final Http http;

	AuthClient(int port) {
		this.http = Http.local(port);
	}

	static String newEmail() {
		return "u-" + UUID.randomUUID() + "@test.physforge.dev";
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	Http.Response register(String email, String password) {
		return this.http.post("/api/auth/register", null, Map.of("email", email, "password", password));
	}

	Http.Response login(String email, String password) {
		return login(email, password, randomAddress());
	}

	Http.Response login(String email, String password, String address) {
		return this.http.send("POST", "/api/auth/login", null, Map.of("email", email, "password", password),
				Map.of("X-Forwarded-For", address));
	}

	/** Registers a RESEARCHER and logs in. */
	Tokens newResearcher() {
		String email = newEmail();
		assertThat(register(email, "password-123").status()).isEqualTo(201);
		return tokens(email, "password-123");
	}

	Tokens tokens(String email, String password) {
		Http.Response response = login(email, password);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return new Tokens(email, response.json().path("accessToken").asText(),
				response.json().path("refreshToken").asText());
	}

	Tokens admin() {
		return tokens(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	record Tokens(String email, String access, String refresh) {
	}

}
