package io.physforge.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke test every service runs: extend it with
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}. The service starts on the real
 * {@code physforge_test} database with tokens checked against {@link TestJwks}; the test
 * asserts health UP and the OpenAPI document served without a token, Prometheus metrics
 * for ADMIN tokens only (401 without a token, 403 for a RESEARCHER),
 * {@code {api-prefix}/info} 401 without a token and 200 with one, and the Flyway schema
 * created.
 */
@AutoConfigureObservability(tracing = false)
public abstract class ServiceSmokeTest {

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Value("${physforge.service.api-prefix}")
	private String apiPrefix;

	@Value("${physforge.service.name}")
	private String serviceName;

	@Value("${spring.flyway.default-schema}")
	private String schema;

	@DynamicPropertySource
	static void platformTestProperties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		TestJwks.shared().register(registry);
	}

	/**
	 * @return a client for the service under test
	 */
	protected Http http() {
		return Http.local(this.port);
	}

	@Test
	void healthIsUp() {
		Http.Response response = http().get("/actuator/health", null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("status").asText()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsAreForAdminsOnly() {
		Http.Response anonymous = http().get("/actuator/prometheus", null);
		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("jvm_memory_used_bytes");
		String subject = UUID.randomUUID().toString();
		Http.Response researcher = http().get("/actuator/prometheus", TestJwks.shared().token(subject, "RESEARCHER"));
		assertThat(researcher.status()).as(researcher.toString()).isEqualTo(403);
		assertThat(http().get("/actuator/metrics", TestJwks.shared().token(subject, "RESEARCHER")).status()).isIn(403,
				404);
		Http.Response admin = http().get("/actuator/prometheus", TestJwks.shared().token(subject, "ADMIN"));
		assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
		assertThat(admin.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void openApiDocumentIsServedWithoutToken() {
		Http.Response response = http().get("/v3/api-docs", null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("openapi").asText()).startsWith("3.");
	}

	@Test
	void infoNeedsToken() {
		Http.Response response = http().get(this.apiPrefix + "/info", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.json().path("type").asText()).isEqualTo("https://physforge.dev/problems/unauthorized");
	}

	@Test
	void infoRejectsTokenFromAnotherKey() {
		String forged = TestJwks.sign(TestJwks.newKey("test-key-1"),
				TestJwks.claims(UUID.randomUUID().toString(), "ADMIN").build());
		assertThat(http().get(this.apiPrefix + "/info", forged).status()).isEqualTo(401);
	}

	@Test
	void infoAnswersWithValidToken() {
		String subject = UUID.randomUUID().toString();
		Http.Response response = http().get(this.apiPrefix + "/info", TestJwks.shared().token(subject, "RESEARCHER"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode info = response.json();
		assertThat(info.path("service").asText()).isEqualTo(this.serviceName);
		assertThat(info.path("subject").asText()).isEqualTo(subject);
		assertThat(info.path("roles").get(0).asText()).isEqualTo("RESEARCHER");
	}

	@Test
	void flywayCreatedTheSchema() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
			statement.setString(1, this.schema);
			statement.setString(2, "flyway_schema_history");
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				assertThat(result.getInt(1)).as("flyway history in schema " + this.schema).isEqualTo(1);
			}
		}
	}

}
