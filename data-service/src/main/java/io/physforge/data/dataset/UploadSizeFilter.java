package io.physforge.data.dataset;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a multipart upload whose declared {@code Content-Length} is already over
 * {@code physforge.data.max-upload-size} (plus room for the form fields) before a byte of
 * the body is read, so a client that sent {@code Expect: 100-continue} learns it at once
 * and the server reads nothing. Uploads without a length are still stopped by the
 * container and the spooler.
 */
@Component
public class UploadSizeFilter extends OncePerRequestFilter {

	/** Room for the multipart framing and the name and description fields. */
	static final long FORM_OVERHEAD = 64 * 1024;

	private final Spooler spooler;

	private final ObjectMapper json;

	public UploadSizeFilter(Spooler spooler, ObjectMapper json) {
		this.spooler = spooler;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !"/api/data/datasets".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = this.spooler.maxUploadSize();
		long length = request.getContentLengthLong();
		if (length > max + FORM_OVERHEAD) {
			ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large",
					"The upload is larger than the " + max + " bytes accepted (physforge.data.max-upload-size); "
							+ "send a smaller file or ask an administrator to raise the limit.");
			problem.setProperty("maxBytes", max);
			problem.setProperty("sizeBytes", length);
			String requestId = Problems.requestId(request);
			if (requestId != null) {
				problem.setProperty("requestId", requestId);
			}
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			this.json.writeValue(response.getOutputStream(), Problems.toMap(problem));
			return;
		}
		chain.doFilter(request, response);
	}

}
