package io.physforge.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the auth endpoints' rate limit: the client's IP address as the gateway sees
 * it. {@code X-Forwarded-For} is deliberately not trusted (a client could rotate it to
 * escape the limit); behind a trusted proxy, configure the proxy to rate-limit instead.
 * Limits themselves are declared on the routes in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	KeyResolver clientAddressKeyResolver() {
		return (exchange) -> {
			InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
			if (remote == null || remote.getAddress() == null) {
				return Mono.just("unknown");
			}
			return Mono.just(remote.getAddress().getHostAddress());
		};
	}

}
