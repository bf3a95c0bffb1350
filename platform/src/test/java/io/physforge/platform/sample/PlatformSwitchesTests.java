package io.physforge.platform.sample;

import io.physforge.platform.problem.ProblemAutoConfiguration;
import io.physforge.platform.problem.internal.ProblemExceptionHandler;
import io.physforge.platform.security.PlatformSecurityAutoConfiguration;
import io.physforge.platform.web.PlatformWebAutoConfiguration;
import io.physforge.platform.web.internal.InfoController;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each part of the platform switches off by property.
 */
class PlatformSwitchesTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformSecurityAutoConfiguration.class,
				ProblemAutoConfiguration.class, PlatformWebAutoConfiguration.class, SecurityAutoConfiguration.class,
				WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class))
		.withPropertyValues("physforge.service.name=s", "physforge.service.api-prefix=/api/s");

	@Test
	void everythingIsOnByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JwtDecoder.class)
				.hasSingleBean(ProblemExceptionHandler.class)
				.hasSingleBean(InfoController.class)
				.hasBean("physforgeSecurityFilterChain");
		});
	}

	@Test
	void securitySwitchesOff() {
		this.runner.withPropertyValues("physforge.security.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(JwtDecoder.class).hasBean("physforgeOpenFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(1);
		});
	}

	@Test
	void problemsAndInfoSwitchOff() {
		this.runner.withPropertyValues("physforge.problems.enabled=false", "physforge.web.info.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemExceptionHandler.class)
				.doesNotHaveBean(InfoController.class)
				.hasSingleBean(JwtDecoder.class));
	}

}
