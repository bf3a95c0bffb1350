package io.physforge.platform.sample;

import java.util.UUID;

import io.physforge.platform.testing.Http;
import io.physforge.platform.testing.TestJwks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose JWKS cannot be fetched answers 503 with a problem, not 401 or a bare
 * 500: the token may be fine, the check is what failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "physforge.storage.enabled=false", "physforge.service.name=sample-service",
				"physforge.service.api-prefix=/api/sample",
				"physforge.security.jwks-uri=http://127.0.0.1:9/jwks.json" })
class UnreachableJwksTests {

	@LocalServerPort
	private int port;

	@Test
	void tokensCannotBeCheckedIs503() {
		Http.Response response = Http.local(this.port)
			.get("/api/sample/info", TestJwks.shared().token(UUID.randomUUID().toString(), "ADMIN"));
		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.json().path("type").asText())
			.isEqualTo("https://physforge.dev/problems/token-check-unavailable");
		assertThat(Http.local(this.port).get("/api/sample/info", null).status()).isEqualTo(401);
	}

}
