package io.physforge.platform.queue;

import redis.clients.jedis.UnifiedJedis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link JobQueue} and {@link JobEvents} on the platform's Redis client; off with
 * {@code physforge.queue.enabled=false}.
 */
@AutoConfiguration(after = RedisClientAutoConfiguration.class)
@ConditionalOnProperty(prefix = "physforge.queue", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(UnifiedJedis.class)
@EnableConfigurationProperties(QueueSettings.class)
public class QueueAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JobEvents jobEvents(UnifiedJedis redis, QueueSettings settings) {
		return new JobEvents(redis, settings.eventsMaxLength());
	}

	@Bean
	@ConditionalOnMissingBean
	JobQueue jobQueue(UnifiedJedis redis, QueueSettings settings, JobEvents events,
			ObjectProvider<RedisClientProperties> redisProperties) {
		RedisClientProperties client = redisProperties.getIfAvailable();
		if (client != null && settings.pollTimeout().compareTo(client.timeout()) >= 0) {
			throw new IllegalArgumentException("physforge.queue.poll-timeout (" + settings.pollTimeout()
					+ ") must be shorter than physforge.redis.timeout (" + client.timeout()
					+ "), or blocking reads time out");
		}
		return new JobQueue(redis, settings, events);
	}

}
