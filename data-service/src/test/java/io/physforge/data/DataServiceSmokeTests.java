package io.physforge.data;

import io.physforge.platform.testing.ServiceSmokeTest;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * data-service starts on the real test database with the platform's security: health UP,
 * OpenAPI served, {@code /info} protected, Flyway schema created (see
 * {@link ServiceSmokeTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataServiceSmokeTests extends ServiceSmokeTest {

}
