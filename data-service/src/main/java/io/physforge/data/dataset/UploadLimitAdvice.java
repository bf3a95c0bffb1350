package io.physforge.data.dataset;

import io.physforge.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers a multipart upload that the servlet container stopped at
 * {@code physforge.data.max-upload-size} with the same 413 problem as every other size
 * check of this service, naming the limit.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimitAdvice {

	private final Spooler spooler;

	public UploadLimitAdvice(Spooler spooler) {
		this.spooler = spooler;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		long max = this.spooler.maxUploadSize();
		ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large",
				"The upload is larger than the " + max + " bytes accepted (physforge.data.max-upload-size); send a "
						+ "smaller file or ask an administrator to raise the limit.");
		problem.setProperty("maxBytes", max);
		String requestId = Problems.requestId(request);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
	}

}
