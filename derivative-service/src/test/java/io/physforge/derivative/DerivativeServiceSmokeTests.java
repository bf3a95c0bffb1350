package io.physforge.derivative;

import io.physforge.platform.testing.ServiceSmokeTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * derivative-service starts on the real test database with the platform's security:
 * health UP, OpenAPI served, {@code /info} protected, Flyway schema created (see
 * {@link ServiceSmokeTest}); it needs Redis and S3 too (its worker does not consume
 * here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DerivativeServiceSmokeTests extends ServiceSmokeTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		// the worker tests' context consumes the test stream; this one only starts
		registry.add("physforge.queue.consume", () -> "false");
	}

}
