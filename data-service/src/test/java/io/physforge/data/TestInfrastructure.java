package io.physforge.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.physforge.core.testing.ReferenceData;
import io.physforge.platform.testing.TestServers;
import io.physforge.suite.infra.LocalInfrastructure;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers the tests use ({@link TestServers}) and the reference data
 * ({@link ReferenceData}).
 */
final class TestInfrastructure {

	private TestInfrastructure() {
	}

	static LocalInfrastructure infra() {
		return TestServers.infra();
	}

	static void register(DynamicPropertyRegistry registry) {
		TestServers.register(registry);
	}

	/**
	 * A reference data file ({@link ReferenceData}).
	 * @param relative path below the datasets folder, such as {@code pde-find/burgers.h5}
	 * @return the file
	 */
	static Path dataset(String relative) {
		return ReferenceData.datasets().resolve(relative);
	}

	static byte[] bytes(String relative) {
		try {
			return Files.readAllBytes(dataset(relative));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
