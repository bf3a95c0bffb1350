package io.physforge.orchestration.events;

import java.util.List;
import java.util.Map;

import io.physforge.orchestration.config.OrchestrationProperties;
import io.physforge.orchestration.job.JobLifecycle;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads {@code pf:job-events} as consumer group {@code events-group} (XREADGROUP on the
 * platform's Redis client; the platform's {@code JobWorker} is for job streams). An event
 * is acknowledged after {@link JobLifecycle#onEvent} committed; when that fails (database
 * down) the event stays pending and is read again from this consumer's pending list. The
 * pending events of a consumer that died (idle over a minute) are re-claimed. A lost
 * group (Redis lost its data) is created again from the start of the stream.
 */
@Component
public class JobEventConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JobEventConsumer.class);

	private static final long RECLAIM_IDLE_MILLIS = 60_000;

	private final UnifiedJedis redis;

	private final JobLifecycle lifecycle;

	private final String group;

	private final String consumer;

	private volatile boolean running;

	private Thread thread;

	public JobEventConsumer(UnifiedJedis redis, JobLifecycle lifecycle, OrchestrationProperties properties) {
		this.redis = redis;
		this.lifecycle = lifecycle;
		this.group = properties.eventsGroup();
		this.consumer = properties.consumerName();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		createGroup(StreamEntryID.XGROUP_LAST_ENTRY);
		this.running = true;
		this.thread = new Thread(this::consume, "job-events-" + this.group);
		this.thread.setDaemon(true);
		this.thread.start();
		logger.info("Consuming {} as group {}, consumer {}", JobEvents.STREAM, this.group, this.consumer);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.thread != null) {
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * @return the consumer group
	 */
	public String group() {
		return this.group;
	}

	private void createGroup(StreamEntryID from) {
		try {
			this.redis.xgroupCreate(JobEvents.STREAM, this.group, from, true);
		}
		catch (JedisDataException ex) {
			if (ex.getMessage() == null || !ex.getMessage().startsWith("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	private void consume() {
		boolean backlog = true;
		long nextReclaim = System.nanoTime();
		while (this.running) {
			try {
				List<StreamEntry> entries;
				if (backlog) {
					entries = read(new StreamEntryID(0, 0), 0);
					backlog = !entries.isEmpty();
				}
				else if (System.nanoTime() - nextReclaim >= 0) {
					nextReclaim = System.nanoTime() + 10_000_000_000L;
					entries = this.redis
						.xautoclaim(JobEvents.STREAM, this.group, this.consumer, RECLAIM_IDLE_MILLIS,
								new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(50))
						.getValue();
				}
				else {
					entries = read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, 1000);
				}
				for (StreamEntry entry : entries) {
					if (!handle(entry)) {
						backlog = true;
						sleep(1000);
						break;
					}
				}
			}
			catch (JedisException ex) {
				if (!this.running) {
					break;
				}
				if (ex.getMessage() != null && ex.getMessage().startsWith("NOGROUP")) {
					logger.warn("Consumer group {} on {} is gone (Redis lost its data?); creating it again", this.group,
							JobEvents.STREAM);
					createGroup(new StreamEntryID(0, 0));
					continue;
				}
				logger.warn("Reading {}: {}; retrying in 1 s", JobEvents.STREAM, ex.toString());
				sleep(1000);
			}
		}
	}

	private List<StreamEntry> read(StreamEntryID from, int blockMillis) {
		XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(50);
		if (blockMillis > 0) {
			params.block(blockMillis);
		}
		List<Map.Entry<String, List<StreamEntry>>> batches = this.redis.xreadGroup(this.group, this.consumer, params,
				Map.of(JobEvents.STREAM, from));
		if (batches == null || batches.isEmpty()) {
			return List.of();
		}
		return batches.get(0).getValue();
	}

	/**
	 * @return whether the entry was handled and acknowledged
	 */
	private boolean handle(StreamEntry entry) {
		if (entry.getFields() != null) {
			JobEvent event;
			try {
				event = JobEvent.fromFields(entry.getFields());
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Skipping malformed entry {} of {}: {}", entry.getID(), JobEvents.STREAM, ex.getMessage());
				event = null;
			}
			if (event != null) {
				try {
					this.lifecycle.onEvent(event);
				}
				catch (RuntimeException ex) {
					logger.warn("Could not apply {} event of job {} ({}); will retry", event.kind(), event.jobId(),
							ex.toString());
					return false;
				}
			}
		}
		this.redis.xack(JobEvents.STREAM, this.group, entry.getID());
		return true;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
