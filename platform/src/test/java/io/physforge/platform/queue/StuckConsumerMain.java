package io.physforge.platform.queue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.JedisPooled;

/**
 * A consumer run in a child JVM by {@link ConsumerKillTests}: it takes one job, writes
 * its pid and the job's attempt to a signal key (so the test knows it is mid-message) and
 * then blocks for ever, until the test kills the process.
 * <p>
 * Arguments: Redis URL, job type, signal key, consumer name, lease millis.
 */
public final class StuckConsumerMain {

	private StuckConsumerMain() {
	}

	public static void main(String[] args) throws Exception {
		JedisPooled redis = new JedisPooled(URI.create(args[0]));
		String type = args[1];
		String signalKey = args[2];
		QueueSettings settings = QueueSettings.defaults()
			.withLease(Duration.ofMillis(Long.parseLong(args[4])))
			.withConsumerName(args[3]);
		JobQueue queue = new JobQueue(redis, settings, new JobEvents(redis, 1000));
		JobWorker worker = queue.worker(type, (message, context) -> {
			redis.set(signalKey, ProcessHandle.current().pid() + ":" + message.attempt());
			new CountDownLatch(1).await();
		});
		worker.start();
		// never left alone for long if the test JVM itself dies without killing us
		new CountDownLatch(1).await(2, TimeUnit.MINUTES);
		Runtime.getRuntime().halt(3);
	}

}
