package io.physforge.platform.audit.internal;

import io.physforge.platform.problem.Problems;
import io.physforge.platform.security.ClientAddressFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The request id and client address of the HTTP request bound to the current thread.
 */
public final class CurrentRequest {

	/** Header carrying the request id, set by the gateway or the client. */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	private CurrentRequest() {
	}

	/**
	 * The current request's id and client address.
	 * @return {@code {requestId, clientAddress}}, entries {@code null} when unknown; both
	 * {@code null} outside a request
	 */
	public static String[] idAndClientAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return new String[2];
		}
		HttpServletRequest request = servlet.getRequest();
		Object assigned = request.getAttribute(Problems.REQUEST_ID_ATTRIBUTE);
		String requestId = (assigned instanceof String id) ? id : request.getHeader(REQUEST_ID_HEADER);
		return new String[] { requestId, ClientAddressFilter.clientAddress(request) };
	}

}
