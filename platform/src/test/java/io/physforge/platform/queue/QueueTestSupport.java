package io.physforge.platform.queue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import redis.clients.jedis.UnifiedJedis;

import static org.assertj.core.api.Assertions.fail;

/**
 * Helpers for queue tests: unique job types and clean-up of their keys.
 */
final class QueueTestSupport {

	private QueueTestSupport() {
	}

	static String uniqueType(String name) {
		return "test-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out after " + timeout + " waiting until " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("interrupted");
			}
		}
	}

	/** The events of one job on {@code pf:job-events}, oldest first. */
	static List<JobEvent> events(UnifiedJedis redis, String jobId) {
		return redis.xrange(JobEvents.STREAM, "-", "+")
			.stream()
			.filter((entry) -> jobId.equals(entry.getFields().get("jobId")))
			.map((entry) -> JobEvent.fromFields(entry.getFields()))
			.toList();
	}

	/**
	 * Deletes the stream, its dead-letter stream, error hash and ledger/publish keys of a
	 * type.
	 */
	static void cleanUp(UnifiedJedis redis, String type) {
		String stream = JobQueue.streamFor(type);
		redis.del(stream, JobQueue.deadLetterStream(stream), stream + ":errors");
		for (String pattern : new String[] { "pf:done:" + stream + ":*", "pf:published:" + stream + ":*",
				"test:" + type + ":*" }) {
			for (String key : redis.keys(pattern)) {
				redis.del(key);
			}
		}
	}

}
