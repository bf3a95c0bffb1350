package io.physforge.platform.testing;

import io.physforge.suite.infra.LocalInfrastructure;
import io.physforge.suite.infra.S3Endpoint;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers a service's tests use, one set per JVM: the {@code physforge_test}
 * database ({@link TestDatabase}), Redis and an S3-compatible server found on the machine
 * or started embedded ({@link LocalInfrastructure}), and the test JWKS
 * ({@link TestJwks}).
 */
public final class TestServers {

	private static LocalInfrastructure infra;

	private TestServers() {
	}

	/** The infrastructure of this JVM, created on first use and closed at exit. */
	public static synchronized LocalInfrastructure infra() {
		if (infra == null) {
			infra = LocalInfrastructure.create();
			Runtime.getRuntime().addShutdownHook(new Thread(infra::close));
		}
		return infra;
	}

	/**
	 * Points a service at the test database, the test JWKS, Redis and S3.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		TestJwks.shared().register(registry);
		S3Endpoint s3 = infra().s3();
		registry.add("physforge.storage.endpoint", () -> s3.endpoint().toString());
		registry.add("physforge.storage.access-key", s3::accessKey);
		registry.add("physforge.storage.secret-key", s3::secretKey);
		registry.add("physforge.redis.url", () -> infra().redis().url().toString());
	}

	/**
	 * Points a worker service at the test servers and its worker at a job stream of this
	 * JVM's own (so test suites sharing a Redis never take each other's jobs). A failed
	 * job is not retried by the worker (the orchestrator owns retries).
	 * @param registry the test's dynamic properties
	 * @param worker the worker's property prefix, such as
	 * {@code physforge.discovery.worker}
	 * @param stream the job stream ({@link TestJobs#testStream})
	 * @param group its consumer group
	 */
	public static void registerWorker(DynamicPropertyRegistry registry, String worker, String stream, String group) {
		register(registry);
		registry.add(worker + ".stream", () -> stream);
		registry.add(worker + ".group", () -> group);
	}

}
