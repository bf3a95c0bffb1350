package io.physforge.platform.queue;

import java.net.URI;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A pooled Jedis client ({@link JedisPooled}) from {@code physforge.redis.url}, else
 * {@code PF_REDIS_URL}, else {@code redis://127.0.0.1:6379}. Connections open on first
 * use.
 */
@AutoConfiguration
@ConditionalOnClass(JedisPooled.class)
@EnableConfigurationProperties(RedisClientProperties.class)
public class RedisClientAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(UnifiedJedis.class)
	JedisPooled physforgeRedis(RedisClientProperties properties, Environment environment) {
		String url = (properties.url() != null && !properties.url().isBlank()) ? properties.url()
				: environment.getProperty("PF_REDIS_URL", RedisClientProperties.DEFAULT_URL);
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Invalid Redis URL '" + url + "' (physforge.redis.url / PF_REDIS_URL): expected redis://host:port",
					ex);
		}
		if (uri.getHost() == null || !("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))) {
			throw new IllegalArgumentException(
					"Invalid Redis URL '" + url + "' (physforge.redis.url / PF_REDIS_URL): expected redis://host:port");
		}
		ConnectionPoolConfig pool = new ConnectionPoolConfig();
		pool.setMaxTotal(properties.poolSize());
		pool.setMaxIdle(properties.poolSize());
		int timeout = (int) properties.timeout().toMillis();
		return new JedisPooled(pool, uri, timeout);
	}

}
