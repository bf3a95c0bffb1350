package io.physforge.gateway.forwarded;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedForFilterTests {

	private static String forwarded(ForwardedForFilter filter, String peer, String sent) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/auth/login")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (sent != null) {
			request.header(ForwardedForFilter.HEADER, sent);
		}
		AtomicReference<List<String>> seen = new AtomicReference<>();
		filter.filter(MockServerWebExchange.from(request), (exchange) -> {
			seen.set(exchange.getRequest().getHeaders().get(ForwardedForFilter.HEADER));
			return Mono.empty();
		}).block();
		return String.join("|", seen.get());
	}

	@Test
	void aClientsForgedHeaderIsReplacedByItsAddress() {
		ForwardedForFilter edge = new ForwardedForFilter(List.of());
		assertThat(forwarded(edge, "127.0.0.1", "198.51.100.7")).isEqualTo("127.0.0.1");
		assertThat(forwarded(edge, "203.0.113.9", "198.51.100.7, 10.0.0.1")).isEqualTo("203.0.113.9");
		assertThat(forwarded(edge, "203.0.113.9", null)).isEqualTo("203.0.113.9");
	}

	@Test
	void aTrustedProxysHeaderIsKeptAndExtended() {
		ForwardedForFilter behindProxy = new ForwardedForFilter(List.of("10.0.0.0/8"));
		assertThat(forwarded(behindProxy, "10.1.2.3", "198.51.100.7")).isEqualTo("198.51.100.7, 10.1.2.3");
		assertThat(forwarded(behindProxy, "203.0.113.9", "198.51.100.7")).isEqualTo("203.0.113.9");
	}

}
