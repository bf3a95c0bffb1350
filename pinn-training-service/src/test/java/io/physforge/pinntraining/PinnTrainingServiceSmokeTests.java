package io.physforge.pinntraining;

import io.physforge.platform.testing.ServiceSmokeTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * pinn-training-service starts on the real test database with the platform's security:
 * health UP, OpenAPI served, {@code /info} protected, Flyway schema created (see
 * {@link ServiceSmokeTest}); its worker needs Redis and S3 too (it does not consume
 * here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PinnTrainingServiceSmokeTests extends ServiceSmokeTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		// the worker tests' context consumes the test stream; this one only starts
		registry.add("physforge.queue.consume", () -> "false");
	}

}
