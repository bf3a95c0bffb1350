package io.physforge.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles through the gateway: the administrator (from {@code PF_ADMIN_EMAIL} and
 * {@code PF_ADMIN_PASSWORD}) creates a VIEWER, who may read but gets 403 on admin
 * endpoints.
 */
@ExtendWith(RunningSuite.class)
class RolesIT {

	private final Api api;

	RolesIT(Api api) {
		this.api = api;
	}

	@Test
	void viewerCreatedByTheAdminGets403OnAdminEndpoints() {
		Api.Tokens admin = this.api.admin();
		String email = Api.uniqueEmail("viewer");
		String password = "Only-Looking-3";
		Api.Response created = this.api.post("/api/auth/users",
				Map.of("email", email, "password", password, "displayName", "Viewer", "roles", List.of("VIEWER")),
				admin.accessToken());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("roles").toString()).contains("VIEWER");

		Api.Tokens viewer = this.api.login(email, password);
		assertThat(this.api.get("/api/auth/me", viewer.accessToken()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/data/info", viewer.accessToken()).status()).isEqualTo(200);

		Api.Response list = this.api.get("/api/auth/users", viewer.accessToken());
		assertThat(list.status()).as(list.toString()).isEqualTo(403);
		assertThat(list.header("Content-Type")).startsWith("application/problem+json");
		Api.Response create = this.api.post("/api/auth/users",
				Map.of("email", Api.uniqueEmail("sneaky"), "password", "Sneaky-Admin-1", "roles", List.of("ADMIN")),
				viewer.accessToken());
		assertThat(create.status()).as(create.toString()).isEqualTo(403);

		Api.Response asAdmin = this.api.get("/api/auth/users?size=200", admin.accessToken());
		assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(200);
		assertThat(asAdmin.json().path("items").toString()).contains(email);
	}

	@Test
	void selfRegisteredUsersAreNotAdmins() {
		Api.Tokens researcher = this.api.newUser("researcher");
		assertThat(this.api.get("/api/auth/users", researcher.accessToken()).status()).isEqualTo(403);
	}

}
