package io.physforge.e2e;

import java.util.Map;

import io.physforge.suite.launch.ServiceDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's whole session through the gateway: register, log in, call a protected endpoint
 * of every service, refresh, log out.
 */
@ExtendWith(RunningSuite.class)
class AuthFlowIT {

	private final Api api;

	AuthFlowIT(Api api) {
		this.api = api;
	}

	@Test
	void registerLoginCallEveryServiceRefreshLogout() {
		String email = Api.uniqueEmail("flow");
		String password = "Correct-Horse-9";
		Api.Response registered = this.api.register(email, password);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(this.api.register(email, password).status()).as("second registration").isEqualTo(409);

		Api.Tokens tokens = this.api.login(email, password);
		assertThat(tokens.accessToken()).isNotBlank();
		assertThat(tokens.refreshToken()).isNotBlank();
		assertThat(
				this.api.post("/api/auth/login", Map.of("email", email, "password", "wrong-password"), null).status())
			.isEqualTo(401);

		Api.Response me = this.api.get("/api/auth/me", tokens.accessToken());
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().path("email").asText()).isEqualTo(email);

		assertThat(this.api.services()).hasSize(ServiceDefinition.services().size());
		for (ServiceDefinition service : this.api.services()) {
			String path = "/api/" + service.apiName() + "/info";
			Api.Response info = this.api.get(path, tokens.accessToken());
			assertThat(info.status()).as(path + " -> " + info).isEqualTo(200);
			assertThat(info.header("X-Request-Id")).as("request id on " + path).isNotBlank();
			Api.Response anonymous = this.api.get(path, null);
			assertThat(anonymous.status()).as(path + " without a token").isEqualTo(401);
		}

		Api.Response refreshed = this.api.refresh(tokens.refreshToken());
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		Api.Tokens next = Api.tokens(refreshed);
		assertThat(next.refreshToken()).isNotEqualTo(tokens.refreshToken());
		assertThat(this.api.get("/api/data/info", next.accessToken()).status()).isEqualTo(200);

		Api.Response logout = this.api.post("/api/auth/logout", Map.of("refreshToken", next.refreshToken()),
				next.accessToken());
		assertThat(logout.status()).as(logout.toString()).isIn(200, 204);
		assertThat(this.api.refresh(next.refreshToken()).status()).as("refresh after logout").isEqualTo(401);
	}

	@Test
	void requestIdIsEchoedAndReachesTheService() {
		Api.Tokens tokens = this.api.newUser("reqid");
		Api.Response response = this.api.send(this.api.gateway(), "GET", "/api/auth/me", null, tokens.accessToken(),
				Map.of("X-Request-Id", "e2e-trace-123"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Request-Id")).isEqualTo("e2e-trace-123");
		// a problem written by auth-service itself quotes the id the gateway forwarded
		Api.Response invalid = this.api.send(this.api.gateway(), "POST", "/api/auth/login", Map.of(), null,
				Map.of("X-Request-Id", "e2e-trace-456"));
		assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
		assertThat(invalid.json().path("requestId").asText()).isEqualTo("e2e-trace-456");
		Api.Response generated = this.api.get("/api/auth/me", null);
		assertThat(generated.status()).isEqualTo(401);
		assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

}
