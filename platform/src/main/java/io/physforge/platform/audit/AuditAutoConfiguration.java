package io.physforge.platform.audit;

import io.physforge.platform.queue.RedisClientAutoConfiguration;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link AuditPublisher} on the platform's Redis client; off with
 * {@code physforge.audit.enabled=false}.
 */
@AutoConfiguration(after = RedisClientAutoConfiguration.class)
@ConditionalOnProperty(prefix = "physforge.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(UnifiedJedis.class)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditPublisher auditPublisher(UnifiedJedis redis, AuditProperties properties) {
		return new AuditPublisher(redis, properties.stream());
	}

}
