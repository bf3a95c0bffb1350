package io.physforge.platform.stream.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The Redis commands of one consumer group: group creation, claims, reads, delivery
 * counts, acknowledgements, retries, lease renewal and dead letters. Last errors are kept
 * per entry id in the hash {@code <stream>:errors} until the entry is acknowledged.
 */
public final class StreamEntries {

	/**
	 * KEYS: stream. ARGV: group, consumer, entry id, idle ms[, delivery count]. Sets the
	 * entry's idle time (XCLAIM ... IDLE, JUSTID so the delivery count stays, or
	 * RETRYCOUNT to set it) only while this consumer still owns it.
	 */
	private static final String SET_IDLE_IF_OWNER = """
			local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
			if #p == 1 and p[1][2] == ARGV[2] then
			  if ARGV[5] then
			    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4], 'RETRYCOUNT', ARGV[5], 'JUSTID')
			  else
			    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4], 'JUSTID')
			  end
			  return 1
			end
			return 0
			""";

	private final UnifiedJedis redis;

	private final String stream;

	private final String group;

	private final String deadStream;

	private final String errorsKey;

	private final boolean delete;

	/**
	 * @param redis the client
	 * @param stream the stream
	 * @param group the group
	 * @param deadStream the dead-letter stream
	 * @param delete whether acknowledged entries are deleted
	 */
	public StreamEntries(UnifiedJedis redis, String stream, String group, String deadStream, boolean delete) {
		this.redis = redis;
		this.stream = stream;
		this.group = group;
		this.deadStream = deadStream;
		this.errorsKey = errorsKey(stream);
		this.delete = delete;
	}

	/**
	 * The hash of last errors of a stream's pending entries.
	 * @param stream the stream
	 * @return {@code <stream>:errors}
	 */
	public static String errorsKey(String stream) {
		return stream + ":errors";
	}

	/**
	 * Creates the group (and the stream); an existing group is kept.
	 * @param fromBeginning read from the first entry, else from new entries only
	 */
	public void createGroup(boolean fromBeginning) {
		try {
			this.redis.xgroupCreate(this.stream, this.group,
					fromBeginning ? new StreamEntryID(0, 0) : StreamEntryID.XGROUP_LAST_ENTRY, true);
		}
		catch (JedisDataException ex) {
			if (ex.getMessage() == null || !ex.getMessage().startsWith("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	/**
	 * @param ex a failure of a Redis command
	 * @return whether it says the group (or the stream) is gone
	 */
	public static boolean isNoGroup(Throwable ex) {
		return ex instanceof JedisDataException && ex.getMessage() != null && ex.getMessage().startsWith("NOGROUP");
	}

	/**
	 * XAUTOCLAIM: takes entries idle longer than {@code idleMillis}.
	 * @return the next cursor and the entries taken
	 */
	public Map.Entry<StreamEntryID, List<StreamEntry>> claim(String consumer, long idleMillis, StreamEntryID cursor,
			int count) {
		return this.redis.xautoclaim(this.stream, this.group, consumer, idleMillis, cursor,
				XAutoClaimParams.xAutoClaimParams().count(count));
	}

	/**
	 * XREADGROUP {@code >}: new entries, blocking up to {@code blockMillis}.
	 * @return the entries, maybe none
	 */
	public List<StreamEntry> read(String consumer, int count, int blockMillis) {
		List<Map.Entry<String, List<StreamEntry>>> batches = this.redis.xreadGroup(this.group, consumer,
				XReadGroupParams.xReadGroupParams().count(count).block(blockMillis),
				Map.of(this.stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
		return (batches == null || batches.isEmpty()) ? List.of() : batches.get(0).getValue();
	}

	/**
	 * Delivery counts of entries this consumer holds (XPENDING).
	 * @param entries the entries, oldest first
	 * @return delivery count by entry id; entries not found are missing
	 */
	public Map<StreamEntryID, Long> deliveries(String consumer, List<StreamEntry> entries) {
		StreamEntryID first = entries.get(0).getID();
		StreamEntryID last = entries.get(entries.size() - 1).getID();
		List<StreamPendingEntry> pending = this.redis.xpending(this.stream, this.group,
				XPendingParams.xPendingParams(first, last, entries.size() + 16).consumer(consumer));
		Map<StreamEntryID, Long> counts = new HashMap<>();
		pending.forEach((entry) -> counts.put(entry.getID(), entry.getDeliveredTimes()));
		return counts;
	}

	/**
	 * Acknowledges entries (and deletes them when so configured) and forgets their
	 * errors, in one transaction.
	 */
	public void acknowledge(List<StreamEntryID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		try (AbstractTransaction transaction = this.redis.multi()) {
			acknowledge(transaction, ids.toArray(StreamEntryID[]::new));
			transaction.exec();
		}
	}

	/**
	 * Adds the entry to the dead-letter stream with why and how often it was delivered,
	 * and acknowledges it, in one transaction.
	 * @param id the entry
	 * @param fields its fields
	 * @param deliveries its delivery count
	 * @param error the reason
	 */
	public void deadLetter(StreamEntryID id, Map<String, String> fields, long deliveries, String error) {
		Map<String, String> dead = new LinkedHashMap<>(fields);
		dead.put("error", (error != null) ? error : "unknown");
		dead.put("deliveries", Long.toString(deliveries));
		dead.put("stream", this.stream);
		dead.put("group", this.group);
		dead.put("originalId", id.toString());
		dead.put("deadAt", Instant.now().toString());
		try (AbstractTransaction transaction = this.redis.multi()) {
			transaction.xadd(this.deadStream, StreamEntryID.NEW_ENTRY, dead);
			acknowledge(transaction, id);
			transaction.exec();
		}
	}

	/**
	 * Remembers the last failure of an entry, for its dead letter.
	 */
	public void recordError(StreamEntryID id, String error) {
		this.redis.hset(this.errorsKey, id.toString(), error);
	}

	/**
	 * @return the last failure recorded for an entry, or {@code null}
	 */
	public String lastError(StreamEntryID id) {
		return this.redis.hget(this.errorsKey, id.toString());
	}

	/**
	 * Sets how long an entry counts as idle, while {@code consumer} still owns it: 0
	 * renews its lease, {@code lease - retryDelay} makes it claimable after the retry
	 * delay.
	 * @return whether the consumer owned it
	 */
	public boolean setIdle(String consumer, StreamEntryID id, long idleMillis) {
		Object owned = this.redis.eval(SET_IDLE_IF_OWNER, List.of(this.stream),
				List.of(this.group, consumer, id.toString(), Long.toString(idleMillis)));
		return owned instanceof Long value && value == 1L;
	}

	/**
	 * Takes back a delivery that was no fault of the entry: sets its delivery count and
	 * makes it claimable at once, while {@code consumer} still owns it.
	 */
	public void undoDelivery(String consumer, StreamEntryID id, long deliveries, long idleMillis) {
		this.redis.eval(SET_IDLE_IF_OWNER, List.of(this.stream), List.of(this.group, consumer, id.toString(),
				Long.toString(idleMillis), Long.toString(Math.max(0, deliveries))));
	}

	private void acknowledge(AbstractTransaction transaction, StreamEntryID... ids) {
		transaction.xack(this.stream, this.group, ids);
		if (this.delete) {
			transaction.xdel(this.stream, ids);
		}
		String[] fields = new String[ids.length];
		for (int i = 0; i < ids.length; i++) {
			fields[i] = ids[i].toString();
		}
		transaction.hdel(this.errorsKey, fields);
	}

}
