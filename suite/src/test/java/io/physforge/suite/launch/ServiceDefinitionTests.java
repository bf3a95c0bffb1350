package io.physforge.suite.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.physforge.suite.launch.internal.Jars;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The launcher's service table agrees with the applications' own configuration: each
 * service reads its port from the variable the launcher sets, with the same default, and
 * the gateway routes each API prefix to the variable the launcher sets.
 */
class ServiceDefinitionTests {

	private static final Path REPOSITORY = Jars.findRepository(Path.of(""));

	@Test
	void variableNamesFollowTheModuleName() {
		ServiceDefinition discovery = ServiceDefinition.byName("discovery");
		assertThat(discovery.module()).isEqualTo("pde-discovery-service");
		assertThat(discovery.portVariable()).isEqualTo("PF_PDE_DISCOVERY_PORT");
		assertThat(discovery.uriVariable()).isEqualTo("PF_PDE_DISCOVERY_URI");
		assertThat(ServiceDefinition.gateway().portVariable()).isEqualTo("PF_GATEWAY_PORT");
		assertThat(ServiceDefinition.byName("pinn-training-service").apiName()).isEqualTo("pinn");
	}

	@Test
	void unknownServiceNamesTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceDefinition.byName("dta"))
			.withMessageContaining("Unknown service 'dta'")
			.withMessageContaining("data");
	}

	@Test
	void everyServiceReadsTheLauncherPortVariableWithTheSameDefault() throws IOException {
		for (ServiceDefinition service : ServiceDefinition.services()) {
			String yaml = Files.readString(configuration(service.module()));
			assertThat(yaml).as(service.module())
				.contains("${" + service.portVariable() + ":" + service.defaultPort() + "}")
				.contains("api-prefix: /api/" + service.apiName());
		}
		assertThat(Files.readString(configuration("gateway")))
			.contains("${PF_GATEWAY_PORT:" + ServiceDefinition.gateway().defaultPort() + "}");
	}

	@Test
	void theGatewayRoutesEveryApiPrefixToTheServiceVariable() throws IOException {
		String yaml = Files.readString(configuration("gateway"));
		for (ServiceDefinition service : ServiceDefinition.services()) {
			assertThat(yaml).as(service.module())
				.contains("uri: ${" + service.uriVariable() + ":http://127.0.0.1:" + service.defaultPort() + "}")
				.contains("/api/" + service.apiName() + "/**");
		}
	}

	private static Path configuration(String module) {
		return REPOSITORY.resolve(module).resolve("src/main/resources/application.yml");
	}

}
