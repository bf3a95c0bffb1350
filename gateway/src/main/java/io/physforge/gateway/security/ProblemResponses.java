package io.physforge.gateway.security;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes 401 and 403 answers as RFC 9457 problem details, with the
 * {@code WWW-Authenticate} challenge RFC 6750 asks for. The detail says what was wrong
 * and what to do, but never echoes the token.
 */
final class ProblemResponses
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

	static final String UNAUTHORIZED_TYPE = "https://physforge.dev/problems/unauthorized";

	static final String FORBIDDEN_TYPE = "https://physforge.dev/problems/forbidden";

	static final String UNAVAILABLE_TYPE = "https://physforge.dev/problems/token-check-unavailable";

	private static final Logger logger = LoggerFactory.getLogger(ProblemResponses.class);

	/**
	 * A token that could not be checked at all (auth-service's JWKS unreachable) is a 503
	 * with {@code Retry-After}, not a 401 (the client did nothing wrong) and not a bare
	 * 500.
	 */
	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException ex) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		if (ex instanceof AuthenticationServiceException) {
			logger.warn("Cannot check the access token of {}: {}", exchange.getRequest().getPath(), ex.getMessage());
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_TYPE, "Token check unavailable",
					"The gateway cannot check access tokens right now (the signing keys of auth-service are "
							+ "unreachable); try again in a few seconds.");
		}
		return commence(exchange, ex);
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean invalidToken = ex instanceof InvalidBearerTokenException
				|| exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
		String detail = invalidToken
				? "The bearer token is not valid (bad signature, expired, wrong issuer or audience, or malformed). "
						+ "Log in again at POST /api/auth/login or refresh at POST /api/auth/refresh."
				: "This endpoint needs a bearer token: send 'Authorization: Bearer <access token>' obtained from "
						+ "POST /api/auth/login.";
		String challenge = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		return write(exchange, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_TYPE, "Unauthorized", detail);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN_TYPE, "Forbidden",
				"Your account's role does not allow this request.");
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + escape(detail) + "\",\"instance\":\""
				+ escape(exchange.getRequest().getPath().value()) + "\"}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static String requestId(ServerWebExchange exchange) {
		String id = exchange.getRequest().getHeaders().getFirst("X-Request-Id");
		return (id != null) ? ",\"requestId\":\"" + escape(id) + "\"" : "";
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
