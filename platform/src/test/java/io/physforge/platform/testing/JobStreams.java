package io.physforge.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobEvents;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the events of one job from {@code pf:job-events} (shared with other suites, so
 * filtered by job id) from a position taken before the job was published.
 */
public final class JobStreams {

	private final UnifiedJedis redis;

	private final StreamEntryID from;

	/**
	 * Starts reading after the stream's current last entry.
	 * @param redis the Redis the services publish their job events to
	 */
	public JobStreams(UnifiedJedis redis) {
		this.redis = redis;
		List<StreamEntry> last = redis.xrevrange(JobEvents.STREAM, "+", "-", 1);
		this.from = last.isEmpty() ? new StreamEntryID(0, 0) : last.get(0).getID();
	}

	/**
	 * @param jobId the job
	 * @return its events since this reader was made, oldest first
	 */
	public List<JobEvent> events(String jobId) {
		List<JobEvent> events = new ArrayList<>();
		StreamEntryID cursor = this.from;
		while (true) {
			List<StreamEntry> batch = this.redis.xrange(JobEvents.STREAM, "(" + cursor, "+", 1000);
			for (StreamEntry entry : batch) {
				if (jobId.equals(entry.getFields().get("jobId"))) {
					events.add(JobEvent.fromFields(entry.getFields()));
				}
			}
			if (batch.size() < 1000) {
				return events;
			}
			cursor = batch.get(batch.size() - 1).getID();
		}
	}

	/**
	 * Waits for the job's final failure and checks that it was permanent: dead-lettered
	 * after its first attempt (bad input).
	 * @param jobId the job
	 * @param error a text the failure's error contains
	 * @param timeout how long to wait
	 * @return the failure
	 */
	public JobEvent awaitPermanentFailure(String jobId, String error, Duration timeout) {
		JobEvent failed = await(jobId, (e) -> e.kind() == JobEvent.Kind.FAILED && !e.retrying(), 1, timeout).get(0);
		assertThat(failed.error()).contains(error);
		assertThat(failed.permanent()).as("permanent: " + failed).isTrue();
		assertThat(failed.attempt()).isEqualTo(1);
		return failed;
	}

	/**
	 * Waits until the job has {@code count} events matching a condition.
	 * @param jobId the job
	 * @param condition the condition
	 * @param count how many
	 * @param timeout how long to wait
	 * @return the matching events
	 */
	public List<JobEvent> await(String jobId, Predicate<JobEvent> condition, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<JobEvent> matching = events(jobId).stream().filter(condition).toList();
			if (matching.size() >= count) {
				return matching;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Job " + jobId + " has " + matching.size() + " of " + count
						+ " expected events after " + timeout + "; all its events: " + events(jobId));
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
