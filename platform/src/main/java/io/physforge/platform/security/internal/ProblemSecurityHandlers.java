package io.physforge.platform.security.internal;

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.audit.internal.AccessDeniedAudit;
import io.physforge.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers 401 and 403 from the security filter chain as problem details, keeping the
 * {@code WWW-Authenticate} header of RFC 6750. When tokens cannot be checked at all (the
 * JWKS is unreachable), answers 503 {@code token-check-unavailable} with
 * {@code Retry-After} instead of a bare 500.
 */
public final class ProblemSecurityHandlers
		implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

	private final ObjectMapper objectMapper;

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	private final Supplier<AuditRecorder> audit;

	/**
	 * Creates the handlers.
	 * @param objectMapper writes the problem bodies
	 * @param audit the service's audit recorder, giving {@code null} where it has none
	 * (every 403 is recorded as {@code access.denied})
	 */
	public ProblemSecurityHandlers(ObjectMapper objectMapper, Supplier<AuditRecorder> audit) {
		this.objectMapper = objectMapper;
		this.audit = audit;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		ProblemDetail problem;
		if (authException instanceof OAuth2AuthenticationException oauth) {
			String reason = (oauth.getError().getDescription() != null) ? oauth.getError().getDescription()
					: oauth.getError().getErrorCode();
			problem = Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid access token",
					"The access token was rejected: " + reason
							+ ". Log in again (or exchange your API key) for a fresh token.");
		}
		else {
			problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"This request needs a valid access token: send 'Authorization: Bearer <token>'.");
		}
		write(request, response, problem);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof AuthenticationServiceException) {
			log.warn("Cannot check the access token of {}: {}", request.getRequestURI(), exception.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			write(request, response,
					Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "token-check-unavailable", "Token check unavailable",
							"The service cannot check access tokens right now (the signing keys of auth-service are "
									+ "unreachable); try again in a few seconds."));
			return;
		}
		commence(request, response, exception);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerAccessDenied.handle(request, response, accessDeniedException);
		AccessDeniedAudit.record(this.audit.get(), request);
		write(request, response,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your roles do not allow this request."));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		problem.setInstance(URI.create(request.getRequestURI()));
		String requestId = Problems.requestId(request);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.objectMapper.writeValue(response.getOutputStream(), Problems.toMap(problem));
	}

}
