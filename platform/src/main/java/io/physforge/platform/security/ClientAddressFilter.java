package io.physforge.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stores the client address resolved by {@link TrustedProxies} in the request attribute
 * {@link TrustedProxies#CLIENT_ADDRESS_ATTRIBUTE}, read by throttling and audit.
 */
public class ClientAddressFilter extends OncePerRequestFilter {

	private final TrustedProxies proxies;

	/**
	 * @param proxies the trusted proxies
	 */
	public ClientAddressFilter(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	/**
	 * The client address of a request.
	 * @param request the request
	 * @return the address the filter resolved, else the direct peer
	 */
	public static String clientAddress(HttpServletRequest request) {
		Object resolved = request.getAttribute(TrustedProxies.CLIENT_ADDRESS_ATTRIBUTE);
		return (resolved instanceof String address) ? address : request.getRemoteAddr();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(TrustedProxies.CLIENT_ADDRESS_ATTRIBUTE,
				this.proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
		chain.doFilter(request, response);
	}

}
