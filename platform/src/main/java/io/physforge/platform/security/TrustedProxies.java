package io.physforge.platform.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The client address of a request, taking {@code X-Forwarded-For} only from trusted
 * proxies: the hops are read from the right (the direct peer first) and the first one
 * that is not a trusted proxy is the client. A header sent by any other peer is ignored.
 */
public final class TrustedProxies {

	/** Request attribute holding the resolved client address (a {@code String}). */
	public static final String CLIENT_ADDRESS_ATTRIBUTE = TrustedProxies.class.getName() + ".clientAddress";

	private final List<IpAddressMatcher> proxies;

	/**
	 * @param proxies addresses or CIDR ranges ({@code 127.0.0.0/8}, {@code ::1}); empty
	 * trusts nobody
	 */
	public TrustedProxies(List<String> proxies) {
		this.proxies = proxies.stream()
			.map(String::trim)
			.filter((p) -> !p.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
	}

	/**
	 * Whether an address is a trusted proxy.
	 * @param address an IP address
	 * @return {@code true} when it matches a configured address or range
	 */
	public boolean isTrusted(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return this.proxies.stream().anyMatch((proxy) -> proxy.matches(address));
		}
		catch (IllegalArgumentException ex) {
			return false; // not an IP address
		}
	}

	/**
	 * The client address.
	 * @param peer the direct peer's address
	 * @param forwardedFor the {@code X-Forwarded-For} header, may be {@code null}
	 * @return the first untrusted hop from the right, else the leftmost hop
	 */
	public String clientAddress(String peer, String forwardedFor) {
		if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		String client = peer;
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (hop.isEmpty()) {
				break;
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return client;
	}

}
