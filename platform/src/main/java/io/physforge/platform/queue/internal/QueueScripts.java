package io.physforge.platform.queue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.UnifiedJedis;

/**
 * Atomic multi-step Redis operations of the queue.
 */
public final class QueueScripts {

	/**
	 * KEYS: dedupe key, stream. ARGV: ttl seconds, then field/value pairs. Adds the entry
	 * only when the dedupe key was absent.
	 */
	private static final String PUBLISH_ONCE = """
			if redis.call('SET', KEYS[1], '1', 'NX', 'EX', tonumber(ARGV[1])) then
			  local args = {'XADD', KEYS[2], '*'}
			  for i = 2, #ARGV do args[#args + 1] = ARGV[i] end
			  return redis.call(unpack(args))
			end
			return false
			""";

	private QueueScripts() {
	}

	/**
	 * Adds an entry unless the dedupe key exists; sets the key with a TTL.
	 * @return the entry id, or {@code null} for a duplicate
	 */
	public static String publishOnce(UnifiedJedis redis, String dedupeKey, long ttlSeconds, String stream,
			Map<String, String> fields) {
		List<String> args = new ArrayList<>(1 + 2 * fields.size());
		args.add(Long.toString(ttlSeconds));
		fields.forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		Object id = redis.eval(PUBLISH_ONCE, List.of(dedupeKey, stream), args);
		return (id != null) ? id.toString() : null;
	}

	/**
	 * The ledger key of a completed idempotency key.
	 */
	public static String doneKey(String stream, String idempotencyKey) {
		return "pf:done:" + stream + ":" + idempotencyKey;
	}

	/**
	 * The key that blocks duplicate publishes.
	 */
	public static String publishedKey(String stream, String idempotencyKey) {
		return "pf:published:" + stream + ":" + idempotencyKey;
	}

	/**
	 * The key that marks a job cancelled.
	 */
	public static String cancelKey(String jobId) {
		return "pf:cancel:" + jobId;
	}

}
