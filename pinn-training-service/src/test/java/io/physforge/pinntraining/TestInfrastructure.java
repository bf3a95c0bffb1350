package io.physforge.pinntraining;

import io.physforge.platform.testing.StubDataService;
import io.physforge.platform.testing.TestJobs;
import io.physforge.platform.testing.TestServers;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers the tests use ({@link TestServers}), a job stream of this JVM's own
 * (so test suites sharing a Redis never take each other's jobs) and a stand-in for
 * data-service's data set look-up ({@link StubDataService}).
 */
public final class TestInfrastructure {

	/** The job stream the worker under test consumes. */
	public static final String STREAM = TestJobs.testStream("pinn");

	/** data-service's data set look-up. */
	static final StubDataService DATA = new StubDataService(
			"\"fields\":[\"u\"],\"coordinates\":[{\"name\":\"t\",\"size\":21},{\"name\":\"x\",\"size\":64}]");

	private TestInfrastructure() {
	}

	/**
	 * Points the service at the test servers, this JVM's job stream and the stub
	 * data-service; failed attempts are retried once after 200 ms.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		TestServers.registerWorker(registry, "physforge.pinn.worker", STREAM, "pinn-test-workers");
		// every point of the loss curve is published, however fast the machine trains
		registry.add("physforge.pinn.worker.progress-interval", () -> "0ms");
		registry.add("physforge.pinn.data.uri", () -> DATA.uri().toString());
	}

}
