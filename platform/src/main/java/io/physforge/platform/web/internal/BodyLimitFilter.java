package io.physforge.platform.web.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every JSON, text and form body (and every body without a type) at
 * {@code physforge.web.edge.max-body-size}: a declared {@code Content-Length} over the
 * limit is answered 413 before a byte is read; a body without a length is counted while
 * it is read and refused with the same 413 once it passes the limit. Multipart and other
 * binary bodies are bounded by the container's multipart limits and their endpoints.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ObjectMapper json;

	public BodyLimitFilter(long maxBytes, ObjectMapper json) {
		this.maxBytes = maxBytes;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		return lower.startsWith("multipart/") || lower.startsWith("application/octet-stream");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			ProblemDetail problem = tooLarge(this.maxBytes).toProblemDetail();
			String requestId = Problems.requestId(request);
			if (requestId != null) {
				problem.setProperty("requestId", requestId);
			}
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			this.json.writeValue(response.getOutputStream(), Problems.toMap(problem));
			return;
		}
		chain.doFilter((length >= 0) ? request : new Bounded(request, this.maxBytes), response);
	}

	/**
	 * The 413 problem of a body over the limit.
	 * @param maxBytes the limit
	 * @return the problem
	 */
	static ProblemException tooLarge(long maxBytes) {
		return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body is larger than the " + maxBytes
						+ " bytes accepted (physforge.web.edge.max-body-size); " + "send a smaller body.")
			.with("maxBytes", maxBytes);
	}

	/** A request whose body stops with a 413 problem once it passes the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private long count;

		CountingStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			this.count += n;
			if (this.count > this.maxBytes) {
				throw tooLarge(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
