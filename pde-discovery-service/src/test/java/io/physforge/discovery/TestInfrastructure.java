package io.physforge.discovery;

import java.nio.file.Path;

import io.physforge.core.testing.ReferenceData;
import io.physforge.platform.testing.TestJobs;
import io.physforge.platform.testing.TestServers;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers the tests use ({@link TestServers}), a job stream of this JVM's own
 * (so test suites sharing a Redis never take each other's jobs), and the reference data
 * ({@link ReferenceData}).
 */
public final class TestInfrastructure {

	/** The job stream the worker under test consumes. */
	public static final String STREAM = TestJobs.testStream("discovery");

	private TestInfrastructure() {
	}

	/**
	 * Points the service at the test servers and this JVM's job stream; failed attempts
	 * are retried once after 200 ms.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		TestServers.registerWorker(registry, "physforge.discovery.worker", STREAM, "discovery-test-workers");
	}

	/**
	 * A reference data file ({@link ReferenceData}).
	 * @param relative path below the datasets folder, such as {@code pde-find/burgers.h5}
	 * @return the file
	 */
	public static Path dataset(String relative) {
		return ReferenceData.datasets().resolve(relative);
	}

}
