package io.physforge.platform.problem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.audit.internal.AccessDeniedAudit;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.problem.Problems;
import io.physforge.platform.problem.Problems.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception a controller lets escape into an RFC 9457 problem with a stable
 * PhysForge type, the request id, and for validation failures the list of every offending
 * field. Unexpected exceptions are logged and answered with a 500 that leaks no
 * internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final Supplier<AuditRecorder> audit;

	/**
	 * Creates the advice.
	 * @param audit the service's audit recorder, giving {@code null} where it has none
	 * (every 403 is recorded as {@code access.denied})
	 */
	public ProblemExceptionHandler(Supplier<AuditRecorder> audit) {
		this.audit = audit;
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
		ProblemDetail problem = ex.toProblemDetail();
		decorate(problem, request);
		if (ex.getStatus() == HttpStatus.FORBIDDEN) {
			recordDenied(request);
		}
		return ResponseEntity.status(ex.getStatus()).headers(ex.getHeaders()).body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()))
			.sorted((a, b) -> a.field().compareTo(b.field()))
			.toList();
		ProblemDetail problem = Problems.validation(errors);
		decorate(problem, request);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return unauthorized(request);
		}
		ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Your roles do not allow this request.");
		decorate(problem, request);
		recordDenied(request);
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	private void recordDenied(WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest) {
			HttpServletRequest servlet = nativeRequest.getNativeRequest(HttpServletRequest.class);
			if (servlet != null) {
				AccessDeniedAudit.record(this.audit.get(), servlet);
			}
		}
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
		return unauthorized(request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
		ProblemException problemCause = problemIn(ex);
		if (problemCause != null) {
			return handleProblem(problemCause, request);
		}
		String requestId = requestId(request);
		log.error("Unexpected error answering {} (request id {})", request.getDescription(false), requestId, ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"An unexpected error occurred. It has been logged; quote the request id " + requestId
						+ " when reporting it.");
		decorate(problem, request);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, Problems.validation(errorsOf(ex.getBindingResult(), "")), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String parameter = result.getMethodParameter().getParameterName();
			if (result instanceof org.springframework.validation.method.ParameterErrors parameterErrors) {
				errors.addAll(errorsOf(parameterErrors, ""));
			}
			else {
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					errors.add(new FieldError(parameter, error.getDefaultMessage()));
				}
			}
		});
		return handleExceptionInternal(ex, Problems.validation(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemException problemCause = problemIn(ex);
		if (problemCause != null) {
			return handleProblem(problemCause, request);
		}
		ProblemDetail problem = (ex.getMessage() != null
				&& ex.getMessage().startsWith("Required request body is missing"))
						? Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
								"The request body is missing; send a JSON body.")
						: JsonProblems.of(ex.getCause());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
		ProblemException problemCause = problemIn(ex);
		if (problemCause != null) {
			return handleProblem(problemCause, request);
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, request);
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body",
				"The multipart/form-data body cannot be read (no boundary in Content-Type, or a broken or truncated "
						+ "body); send a well-formed multipart request.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * @param ex an exception
	 * @return the first {@link ProblemException} among it and its causes (a body limit
	 * hit while a message converter read), or {@code null}
	 */
	private static ProblemException problemIn(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof ProblemException problem) {
				return problem;
			}
		}
		return null;
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", "Missing parameter",
				"The required " + ex.getParameterType() + " parameter '" + ex.getParameterName() + "' is missing.");
		problem.setProperty("errors", List.of(new FieldError(ex.getParameterName(), "is required")));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String expected = (ex.getRequiredType() != null) ? JsonProblems.describe(ex.getRequiredType())
				: "a value of another type";
		String value = String.valueOf(ex.getValue());
		String message = "expected " + expected + " (got '"
				+ ((value.length() > 64) ? value.substring(0, 64) + "..." : value) + "')";
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"1 field is invalid: " + name + " " + message);
		problem.setProperty("errors", List.of(new FieldError(name, message)));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			String slug = slugOf(ex, statusCode);
			problem.setType(Problems.type(slug));
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
			problem.setDetail(detailOf(ex, problem.getDetail()));
		}
		decorate(problem, request);
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	private ResponseEntity<Object> unauthorized(WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"This request needs a valid access token: send 'Authorization: Bearer <token>'.");
		decorate(problem, request);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem);
	}

	private static String slugOf(Exception ex, HttpStatusCode status) {
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return "not-found";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return "method-not-allowed";
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return "unsupported-media-type";
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return "not-acceptable";
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return "payload-too-large";
		}
		if (ex instanceof MissingServletRequestPartException || ex instanceof ServletRequestBindingException) {
			return "missing-parameter";
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
				: "error";
	}

	private static String detailOf(Exception ex, @Nullable String current) {
		if (ex instanceof NoResourceFoundException notFound) {
			return "Nothing is served at /" + notFound.getResourcePath() + "; check the path.";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return "Method " + method.getMethod() + " is not supported here; use one of "
					+ method.getSupportedHttpMethods() + ".";
		}
		if (ex instanceof MaxUploadSizeExceededException upload) {
			return "The upload is larger than the allowed "
					+ ((upload.getMaxUploadSize() > 0) ? upload.getMaxUploadSize() + " bytes" : "size")
					+ "; send a smaller file.";
		}
		return current;
	}

	private static List<FieldError> errorsOf(Errors errors, String prefix) {
		List<FieldError> result = new ArrayList<>();
		for (org.springframework.validation.FieldError error : errors.getFieldErrors()) {
			result.add(new FieldError(prefix + error.getField(), error.getDefaultMessage()));
		}
		for (org.springframework.validation.ObjectError error : errors.getGlobalErrors()) {
			result.add(new FieldError((errors instanceof BindingResult) ? error.getObjectName() : prefix,
					error.getDefaultMessage()));
		}
		return result;
	}

	private static String fieldOf(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
				continue;
			}
			if (node.getName() == null) {
				continue;
			}
			if (node.getIndex() != null && field.length() > 0) {
				field.append('[').append(node.getIndex()).append(']');
			}
			if (field.length() > 0) {
				field.append('.');
			}
			field.append(node.getName());
		}
		return field.toString();
	}

	private static void decorate(ProblemDetail problem, WebRequest request) {
		String requestId = requestId(request);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
	}

	private static String requestId(WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
			return Problems.requestId(servletRequest);
		}
		return request.getHeader(Problems.REQUEST_ID_HEADER);
	}

}
