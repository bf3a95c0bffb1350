package io.physforge.auth;

import java.util.Map;

import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code physforge.auth.registration=admin-only}, only an ADMIN registers users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "physforge.auth.registration=admin-only", "physforge.auth.bcrypt-strength=4",
				"physforge.auth.admin.email=" + AuthClient.ADMIN_EMAIL,
				"physforge.auth.admin.password=" + AuthClient.ADMIN_PASSWORD })
class AdminOnlyRegistrationTests {

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Test
	void onlyAdminsRegister() {
		AuthClient auth = new AuthClient(this.port);
		Http.Response anonymous = auth.register(AuthClient.newEmail(), "password-123");
		assertThat(anonymous.status()).isEqualTo(403);
		assertThat(anonymous.json().path("type").asText())
			.isEqualTo("https://physforge.dev/problems/registration-closed");

		String email = AuthClient.newEmail();
		Http.Response byAdmin = auth.http.post("/api/auth/register", auth.admin().access(),
				Map.of("email", email, "password", "password-123"));
		assertThat(byAdmin.status()).isEqualTo(201);
		assertThat(byAdmin.json().path("roles").get(0).asText()).isEqualTo("RESEARCHER");
		assertThat(auth.login(email, "password-123").status()).isEqualTo(200);
	}

}
