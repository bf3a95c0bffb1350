package io.physforge.derivative;

import io.physforge.core.field.Field;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.testing.StubDataService;
import io.physforge.platform.testing.TestDataSets;
import io.physforge.platform.testing.TestJobs;
import io.physforge.platform.testing.TestServers;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real servers the tests use ({@link TestServers}), a job stream of this JVM's own
 * (so test suites sharing a Redis never take each other's jobs), data-service's lookup
 * ({@link StubDataService}) and the reference data ({@link ReferenceData}).
 */
final class TestInfrastructure {

	/** The job stream the worker under test consumes. */
	static final String STREAM = TestJobs.testStream("derivatives");

	/** data-service's {@code GET /api/data/datasets/{id}} for the tests. */
	static final StubDataService DATA = new StubDataService();

	private TestInfrastructure() {
	}

	/**
	 * Points the service at the test servers, this JVM's job stream and the stub
	 * data-service; failed attempts are retried once after 200 ms.
	 * @param registry the test's dynamic properties
	 */
	static void register(DynamicPropertyRegistry registry) {
		TestServers.registerWorker(registry, "physforge.derivative.worker", STREAM, "derivatives-test-workers");
		registry.add("physforge.derivative.data-uri", () -> DATA.uri().toString());
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
	static String burgersKey(ObjectStorage storage) {
		return TestDataSets.canonical(storage, "pde-find/burgers.npz", TestInfrastructure::burgers);
	}

}
