package io.physforge.data;

import io.physforge.platform.testing.ServiceSmokeTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * data-service starts on the real test database with the platform's security: health UP,
 * OpenAPI served, {@code /info} protected, Flyway schema created (see
 * {@link ServiceSmokeTest}). data-service also needs Redis and an S3-compatible server
 * (its buckets are created on start): those of {@link TestInfrastructure}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "physforge.data.max-upload-size=600KB", "physforge.data.quota=1MB" })
class DataServiceSmokeTests extends ServiceSmokeTest {

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

}
