package io.physforge.platform.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis client shared by the queue and the audit publisher, bound from
 * {@code physforge.redis.*}.
 *
 * @param url the Redis URL; when unset, {@code PF_REDIS_URL}, else
 * {@code redis://127.0.0.1:6379}
 * @param poolSize the most connections (each busy worker thread holds one while it waits
 * for messages)
 * @param timeout connect and read timeout (must exceed
 * {@code physforge.queue.poll-timeout})
 */
@ConfigurationProperties("physforge.redis")
public record RedisClientProperties(String url, @DefaultValue("16") int poolSize,
		@DefaultValue("5s") Duration timeout) {

	/**
	 * The URL used when neither {@code physforge.redis.url} nor {@code PF_REDIS_URL} is
	 * set.
	 */
	public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

}
