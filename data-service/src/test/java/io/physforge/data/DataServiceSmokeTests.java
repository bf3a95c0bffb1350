package io.physforge.data;

import io.physforge.platform.testing.ServiceSmokeTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform's smoke test (health, OpenAPI, token checks, Flyway schema) for
 * data-service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "physforge.data.max-upload-size=600KB", "physforge.data.quota=1MB" })
class DataServiceSmokeTests extends ServiceSmokeTest {

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

}
