package io.physforge.derivative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.testing.StubDataService;
import io.physforge.platform.testing.TestServers;
import io.physforge.suite.infra.LocalInfrastructure;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers the tests use ({@link TestServers}), a job stream of this JVM's own
 * (so test suites sharing a Redis never take each other's jobs), data-service's lookup
 * ({@link StubDataService}) and the reference data ({@link ReferenceData}).
 */
final class TestInfrastructure {

	/** The job stream the worker under test consumes. */
	static final String STREAM = "pf:jobs:derivatives-test-" + UUID.randomUUID();

	/** data-service's {@code GET /api/data/datasets/{id}} for the tests. */
	static final StubDataService DATA = new StubDataService();

	private static String burgersKey;

	private TestInfrastructure() {
	}

	static LocalInfrastructure infra() {
		return TestServers.infra();
	}

	/**
	 * Points the service at the test servers, this JVM's job stream and the stub
	 * data-service; failed attempts are retried once after 200 ms.
	 * @param registry the test's dynamic properties
	 */
	static void register(DynamicPropertyRegistry registry) {
		TestServers.register(registry);
		registry.add("physforge.derivative.worker.stream", () -> STREAM);
		registry.add("physforge.derivative.worker.group", () -> "derivatives-test-workers");
		registry.add("physforge.derivative.data-uri", () -> DATA.uri().toString());
		registry.add("physforge.queue.retry-delay", () -> "200ms");
		registry.add("physforge.queue.max-attempts", () -> "2");
	}

	/**
	 * PDE-FIND's burgers as data-service reads it ({@code pde-find/burgers.npz}).
	 * @return the field
	 */
	static Field burgers() {
		return DataSets.read(ReferenceData.pdeFind("burgers.npz"));
	}

	/**
	 * The canonical form of burgers (NPZ, as data-service writes it) in bucket
	 * {@code datasets}, stored once per JVM.
	 * @param storage the storage
	 * @return its key
	 */
	static synchronized String burgersKey(ObjectStorage storage) {
		if (burgersKey == null) {
			try {
				Path file = Files.createTempFile("burgers-canonical-", ".npz");
				try {
					DataSets.write(burgers(), file);
					try (InputStream in = Files.newInputStream(file)) {
						burgersKey = storage.put("datasets", in, Files.size(file), "application/octet-stream").key();
					}
				}
				finally {
					Files.deleteIfExists(file);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return burgersKey;
	}

}
