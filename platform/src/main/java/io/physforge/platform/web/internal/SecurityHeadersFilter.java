package io.physforge.platform.web.internal;

import java.io.IOException;

import io.physforge.platform.web.WebEdgeProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the browser security headers on every answer, errors and refusals included:
 * {@code Content-Security-Policy}, {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy} and {@code X-Frame-Options: DENY}. Set before anything else
 * runs, so Spring Security's own writers (which add only missing headers) never duplicate
 * them.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

	private final WebEdgeProperties properties;

	public SecurityHeadersFilter(WebEdgeProperties properties) {
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", this.properties.contentSecurityPolicy());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", this.properties.referrerPolicy());
		response.setHeader("X-Frame-Options", "DENY");
		chain.doFilter(request, response);
	}

}
