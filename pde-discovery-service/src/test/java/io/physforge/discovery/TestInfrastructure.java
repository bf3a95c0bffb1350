package io.physforge.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

import io.physforge.platform.testing.TestDatabase;
import io.physforge.platform.testing.TestJwks;
import io.physforge.suite.infra.LocalInfrastructure;
import io.physforge.suite.infra.S3Endpoint;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers the tests use, one set per JVM: the {@code physforge_test} database,
 * Redis and an S3-compatible server found on the machine or started embedded
 * ({@link LocalInfrastructure}), the test JWKS, and a job stream of this JVM's own (so
 * test suites sharing a Redis never take each other's jobs). Also locates the reference
 * data.
 */
public final class TestInfrastructure {

	/** The job stream the worker under test consumes. */
	public static final String STREAM = "pf:jobs:discovery-test-" + UUID.randomUUID();

	private static LocalInfrastructure infra;

	private TestInfrastructure() {
	}

	static synchronized LocalInfrastructure infra() {
		if (infra == null) {
			infra = LocalInfrastructure.create();
			Runtime.getRuntime().addShutdownHook(new Thread(infra::close));
		}
		return infra;
	}

	/**
	 * Points the service at the test servers and this JVM's job stream; failed attempts
	 * are retried once after 200 ms.
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
		registry.add("physforge.discovery.worker.stream", () -> STREAM);
		registry.add("physforge.discovery.worker.group", () -> "discovery-test-workers");
		registry.add("physforge.queue.retry-delay", () -> "200ms");
		registry.add("physforge.queue.max-attempts", () -> "2");
	}

	/**
	 * A reference data file: under the system property {@code physforge.datasets} if set,
	 * else under the first {@code shared/datasets} folder found walking up from the
	 * working directory.
	 * @param relative path below the datasets folder, such as {@code pde-find/burgers.h5}
	 * @return the file
	 */
	public static Path dataset(String relative) {
		String configured = System.getProperty("physforge.datasets");
		Path root = null;
		if (configured != null && !configured.isBlank()) {
			root = Paths.get(configured);
		}
		else {
			for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
				if (Files.isDirectory(dir.resolve("shared/datasets"))) {
					root = dir.resolve("shared/datasets");
					break;
				}
			}
		}
		if (root == null || !Files.isRegularFile(root.resolve(relative))) {
			throw new IllegalStateException("Reference data " + relative + " not found: set -Dphysforge.datasets or "
					+ "put shared/datasets beside the repository");
		}
		return root.resolve(relative);
	}

}
