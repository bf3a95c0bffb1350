package io.physforge.auth;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.platform.audit.AuditDetails;
import io.physforge.platform.testing.AuditStream;
import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.TestDatabase;
import io.physforge.platform.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service records its audit events in its outbox and the platform relay delivers
 * them to the audit stream, over real HTTP, PostgreSQL and Redis. The service runs in a
 * schema of its own here, so no other test's relay takes its outbox rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "physforge.auth.bcrypt-strength=4", "physforge.auth.admin.email=" + AuthClient.ADMIN_EMAIL,
				"physforge.auth.admin.password=" + AuthClient.ADMIN_PASSWORD,
				"physforge.security.trusted-proxies=127.0.0.1" })
@DirtiesContext
class AuthAuditTests {

	private static final String SCHEMA = "auth_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final AuditStream stream = new AuditStream(TestServers.infra().redis().url().toString());

	@LocalServerPort
	private int port;

	private AuthClient auth;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		stream.register(registry);
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("spring.flyway.default-schema", () -> SCHEMA);
		registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		stream.close();
		try (Connection connection = DriverManager.getConnection(TestDatabase.url(), "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	@BeforeEach
	void client() {
		this.auth = new AuthClient(this.port);
	}

	@Test
	void registerAndLoginAreRecordedWithTheUserAndTheirRoles() {
		String email = AuthClient.newEmail();
		Http.Response registered = this.auth.register(email, "password-123");
		assertThat(registered.status()).isEqualTo(201);
		String userId = registered.json().path("id").asText();

		JsonNode register = stream.await("auth.register", userId);
		assertThat(register.path("service").asText()).isEqualTo("auth-service");
		assertThat(register.path("actor").asText()).isEqualTo(userId);
		assertThat(roles(register)).containsExactly("RESEARCHER");
		assertThat(register.path("resourceType").asText()).isEqualTo("user");
		assertThat(register.path("outcome").asText()).isEqualTo("success");
		assertThat(register.path("requestId").asText()).isNotBlank();

		String address = AuthClient.randomAddress();
		assertThat(this.auth.login(email, "password-123", address).status()).isEqualTo(200);
		JsonNode login = stream.await("auth.login", userId);
		assertThat(login.path("actor").asText()).isEqualTo(userId);
		assertThat(roles(login)).containsExactly("RESEARCHER");
		assertThat(login.path("outcome").asText()).isEqualTo("success");
		assertThat(login.path("clientAddress").asText()).isEqualTo(address);
		assertThat(login.has("reason")).isFalse();
	}

	@Test
	void failedLoginsAreRecordedAnonymouslyWithTheReasonAndNeverTheSecret() {
		String email = AuthClient.newEmail();
		String userId = this.auth.register(email, "password-123").json().path("id").asText();
		assertThat(this.auth.login(email, "wrong-password-1").status()).isEqualTo(401);
		JsonNode wrongPassword = stream.await("failed auth.login of " + userId, Duration.ofSeconds(10),
				(event) -> "auth.login".equals(event.path("action").asText())
						&& userId.equals(event.path("resourceId").asText())
						&& "failed".equals(event.path("outcome").asText()));
		assertThat(wrongPassword.path("actor").asText()).isEqualTo("anonymous");
		assertThat(roles(wrongPassword)).isEmpty();
		assertThat(wrongPassword.path("reason").asText()).isEqualTo("invalid-credentials: wrong password");

		String unknown = AuthClient.newEmail();
		assertThat(this.auth.login(unknown, "secret-password-9").status()).isEqualTo(401);
		String accountHash = AuditDetails.hash(Map.of("accountSha256", AuditDetails.hashText(unknown)));
		JsonNode unknownAccount = stream.await("failed auth.login of an unknown account", Duration.ofSeconds(10),
				(event) -> accountHash.equals(event.path("detailsHash").asText()));
		assertThat(unknownAccount.path("action").asText()).isEqualTo("auth.login");
		assertThat(unknownAccount.path("actor").asText()).isEqualTo("anonymous");
		assertThat(unknownAccount.path("outcome").asText()).isEqualTo("failed");
		assertThat(unknownAccount.path("reason").asText()).isEqualTo("invalid-credentials: unknown account");
		assertThat(unknownAccount.has("resourceId")).isFalse();
		String all = stream.events().toString();
		assertThat(all).doesNotContain(unknown).doesNotContain("secret-password-9").doesNotContain("wrong-password-1");
	}

	@Test
	void apiKeyCreationIsRecordedWithoutTheKey() {
		AuthClient.Tokens user = this.auth.newResearcher();
		String userId = this.auth.http.get("/api/auth/me", user.access()).json().path("id").asText();
		Http.Response created = this.auth.http.post("/api/auth/api-keys", user.access(), Map.of("name", "laptop"));
		assertThat(created.status()).isEqualTo(201);
		String keyId = created.json().path("id").asText();

		JsonNode event = stream.await("auth.api-key.create", keyId);
		assertThat(event.path("actor").asText()).isEqualTo(userId);
		assertThat(roles(event)).containsExactly("RESEARCHER");
		assertThat(event.path("resourceType").asText()).isEqualTo("api-key");
		assertThat(event.path("outcome").asText()).isEqualTo("success");
		assertThat(event.path("detailsHash").asText()).matches("[0-9a-f]{64}");
		assertThat(stream.events().toString()).doesNotContain(created.json().path("key").asText());
	}

	@Test
	void a403IsRecordedAsAccessDenied() {
		AuthClient.Tokens user = this.auth.newResearcher();
		String userId = this.auth.http.get("/api/auth/me", user.access()).json().path("id").asText();
		assertThat(this.auth.http.get("/api/auth/users", user.access()).status()).isEqualTo(403);

		JsonNode denied = stream.await("access.denied of " + userId, Duration.ofSeconds(10),
				(event) -> "access.denied".equals(event.path("action").asText())
						&& userId.equals(event.path("actor").asText()));
		assertThat(roles(denied)).containsExactly("RESEARCHER");
		assertThat(denied.path("resourceType").asText()).isEqualTo("user");
		assertThat(denied.path("outcome").asText()).isEqualTo("denied");
		assertThat(denied.path("reason").asText()).isEqualTo("GET /api/auth/users");
	}

	@Test
	void aRoleChangeBindsTheOldAndNewRoles() {
		String email = AuthClient.newEmail();
		String userId = this.auth.register(email, "password-123").json().path("id").asText();
		Http.Response updated = this.auth.http.send("PATCH", "/api/auth/users/" + userId, this.auth.admin().access(),
				Map.of("roles", List.of("VIEWER", "ADMIN")), Map.of());
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

		JsonNode change = stream.await("auth.role.change", userId);
		assertThat(change.path("detailsHash").asText())
			.isEqualTo(AuditDetails.hash(Map.of("old", List.of("RESEARCHER"), "new", List.of("ADMIN", "VIEWER"))));
		assertThat(roles(change)).contains("ADMIN");
		assertThat(stream.await("auth.user.update", userId).path("outcome").asText()).isEqualTo("success");
	}

	@Test
	void aFailedPasswordChangeIsKeptAlthoughItsTransactionRollsBack() {
		AuthClient.Tokens user = this.auth.newResearcher();
		String userId = this.auth.http.get("/api/auth/me", user.access()).json().path("id").asText();
		Http.Response refused = this.auth.http.post("/api/auth/password", user.access(),
				Map.of("currentPassword", "not-my-password", "newPassword", "password-456"));
		assertThat(refused.status()).isEqualTo(400);

		JsonNode failed = stream.await("auth.password-change", userId);
		assertThat(failed.path("outcome").asText()).isEqualTo("failed");
		assertThat(failed.path("actor").asText()).isEqualTo(userId);
	}

	@Test
	void aForgedForwardedForFromAnUntrustedPeerIsNeitherThrottledNorRecorded() {
		String email = AuthClient.newEmail();
		String userId = this.auth.register(email, "password-123").json().path("id").asText();
		UntrustedPeer peer = new UntrustedPeer();
		String wrong = "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}";
		for (int i = 0; i < 3; i++) {
			// a new invented address each time: it would escape a throttle that believed
			// it
			assertThat(peer.postJson(this.port, "/api/auth/login", wrong, AuthClient.randomAddress())).isEqualTo(401);
		}
		assertThat(peer.postJson(this.port, "/api/auth/login", wrong, AuthClient.randomAddress())).isEqualTo(429);
		// the account's owner behind the trusted proxy is not affected
		assertThat(this.auth.login(email, "password-123").status()).isEqualTo(200);

		JsonNode failed = stream.await("failed auth.login of " + userId, Duration.ofSeconds(10),
				(event) -> "auth.login".equals(event.path("action").asText())
						&& userId.equals(event.path("resourceId").asText())
						&& "failed".equals(event.path("outcome").asText()));
		assertThat(failed.path("clientAddress").asText()).isEqualTo(peer.address);
	}

	private static List<String> roles(JsonNode event) {
		return StreamSupport.stream(event.path("actorRoles").spliterator(), false).map(JsonNode::asText).toList();
	}

}
