package io.physforge.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.physforge.platform.testing.ServiceSmokeTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * audit-service starts on the real test database with the platform's security: health UP,
 * OpenAPI served, {@code /info} protected, Flyway schema created (see
 * {@link ServiceSmokeTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditServiceSmokeTests extends ServiceSmokeTest {

	@DynamicPropertySource
	static void keyDir(DynamicPropertyRegistry registry) throws IOException {
		Path keys = Files.createTempDirectory("audit-keys");
		registry.add("physforge.audit.key-dir", keys::toString);
		registry.add("physforge.audit.stream", () -> "pf:audit:test-smoke-" + UUID.randomUUID());
	}

}
