package io.physforge.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts {@code Content-Security-Policy}, {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy} and {@code X-Frame-Options: DENY} on every answer, the
 * gateway's own and the services' alike. Added just before the answer is sent and only
 * where missing, so a service's own value is kept and none appears twice.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

	private final EdgeProperties properties;

	SecurityHeadersFilter(EdgeProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			setIfAbsent(headers, "Content-Security-Policy", this.properties.contentSecurityPolicy());
			setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
			setIfAbsent(headers, "Referrer-Policy", this.properties.referrerPolicy());
			setIfAbsent(headers, "X-Frame-Options", "DENY");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static void setIfAbsent(HttpHeaders headers, String name, String value) {
		if (!headers.containsKey(name)) {
			headers.set(name, value);
		}
	}

}
