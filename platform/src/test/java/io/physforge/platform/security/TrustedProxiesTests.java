package io.physforge.platform.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTests {

	private final TrustedProxies loopback = new TrustedProxies(List.of("127.0.0.0/8", "::1", "10.1.0.0/16"));

	@Test
	void anUntrustedPeersHeaderIsIgnored() {
		assertThat(this.loopback.clientAddress("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
		assertThat(new TrustedProxies(List.of()).clientAddress("127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
	}

	@Test
	void theFirstUntrustedHopFromTheRightIsTheClient() {
		assertThat(this.loopback.clientAddress("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
		// a client-invented first hop is skipped: the hop our proxy appended wins
		assertThat(this.loopback.clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
		assertThat(this.loopback.clientAddress("::1", "10.1.0.5")).isEqualTo("10.1.0.5");
		assertThat(this.loopback.clientAddress("127.0.0.1", "not-an-address")).isEqualTo("not-an-address");
		assertThat(this.loopback.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
	}

	@Test
	void rangesAndSingleAddressesMatch() {
		assertThat(this.loopback.isTrusted("127.5.6.7")).isTrue();
		assertThat(this.loopback.isTrusted("10.2.0.1")).isFalse();
		assertThat(this.loopback.isTrusted("garbage")).isFalse();
		assertThat(this.loopback.isTrusted(null)).isFalse();
	}

}
