package io.physforge.platform.web.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.physforge.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the incoming {@code X-Request-Id} when it is a sane token (1
 * to 128 letters, digits and {@code . _ : -}), else a new UUID. The id is echoed in the
 * response header, put in the logging MDC as {@code requestId}, and included in problem
 * responses.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(Problems.REQUEST_ID_HEADER);
		String requestId = (incoming != null && SANE.matcher(incoming).matches()) ? incoming
				: UUID.randomUUID().toString();
		request.setAttribute(Problems.REQUEST_ID_ATTRIBUTE, requestId);
		response.setHeader(Problems.REQUEST_ID_HEADER, requestId);
		MDC.put("requestId", requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

}
