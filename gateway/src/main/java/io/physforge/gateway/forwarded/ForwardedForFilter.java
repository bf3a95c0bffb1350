package io.physforge.gateway.forwarded;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway is the edge: a client's {@code X-Forwarded-For} is replaced by the address
 * of its direct peer, unless that peer is a proxy in front of the gateway listed in
 * {@code PF_GATEWAY_TRUSTED_PROXIES} (addresses or CIDR ranges; default none), whose
 * header is kept and extended. Services trust the gateway's header (their
 * {@code PF_TRUSTED_PROXIES}), so throttling and audit see the real client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedForFilter implements WebFilter {

	static final String HEADER = "X-Forwarded-For";

	private final List<Range> trusted;

	ForwardedForFilter(@Value("${physforge.gateway.trusted-proxies:}") List<String> trusted) {
		this.trusted = trusted.stream()
			.flatMap((entry) -> Arrays.stream(entry.split(",")))
			.map(String::trim)
			.filter((entry) -> !entry.isEmpty())
			.map(Range::parse)
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
		String forwarded;
		if (peer == null) {
			forwarded = null;
		}
		else if (sent != null && !sent.isBlank() && isTrusted(peer)) {
			forwarded = sent + ", " + peer;
		}
		else {
			forwarded = peer;
		}
		return chain.filter(exchange.mutate().request((request) -> request.headers((headers) -> {
			headers.remove(HEADER);
			if (forwarded != null) {
				headers.set(HEADER, forwarded);
			}
		})).build());
	}

	private boolean isTrusted(String address) {
		return this.trusted.stream().anyMatch((range) -> range.contains(address));
	}

	/** An address or CIDR range. */
	private record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			String[] parts = text.split("/");
			byte[] network = bytes(parts[0]);
			int prefix = (parts.length > 1) ? Integer.parseInt(parts[1]) : network.length * 8;
			return new Range(network, prefix);
		}

		boolean contains(String address) {
			byte[] candidate = bytes(address);
			if (candidate.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((candidate[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

		private static byte[] bytes(String literal) {
			try {
				// literals only: peers are numeric, configured ranges must be too
				return InetAddress.getByName(literal).getAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException("Not an IP address: " + literal, ex);
			}
		}

	}

}
