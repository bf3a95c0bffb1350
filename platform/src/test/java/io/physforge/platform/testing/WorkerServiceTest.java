package io.physforge.platform.testing;

import java.util.UUID;

import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.storage.ObjectStorage;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the integration tests of a worker service (one that consumes jobs and keeps rows)
 * share: extend it with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and a
 * {@code @DynamicPropertySource} that registers the test servers
 * ({@link TestServers#registerWorker}). It holds the service's port, queue, storage,
 * Redis and database, and two users of its own.
 */
public abstract class WorkerServiceTest {

	/** The service's HTTP port. */
	@LocalServerPort
	protected int port;

	/** The job queue. */
	@Autowired
	protected JobQueue queue;

	/** The object storage. */
	@Autowired
	protected ObjectStorage storage;

	/** The Redis the queue and the job events are on. */
	@Autowired
	protected UnifiedJedis redis;

	/** The service's database. */
	@Autowired
	protected JdbcClient jdbc;

	/** A user of this test (JWT subject). */
	protected final String alice = UUID.randomUUID().toString();

	/** Another user of this test. */
	protected final String bob = UUID.randomUUID().toString();

}
