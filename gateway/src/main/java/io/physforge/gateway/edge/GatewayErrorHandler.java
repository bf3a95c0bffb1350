package io.physforge.gateway.edge;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway answers itself, as a problem: a service that cannot be reached
 * is 503 {@code service-unavailable} with {@code Retry-After}, a service too slow 504
 * {@code gateway-timeout}, a body over its limit 413, a path with no route 404, anything
 * unexpected 500 (logged, nothing internal in the answer). Runs before Spring Boot's own
 * handler, which would answer a bare 500 naming the exception.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(GatewayErrorHandler.class);

	/** Seconds a client should wait before trying a service that is down again. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final List<Class<? extends Throwable>> UNREACHABLE = List.of(ConnectException.class,
			NoRouteToHostException.class, UnknownHostException.class, ClosedChannelException.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		keepOnlyEdgeHeaders(response.getHeaders());
		PayloadTooLargeException tooLarge = find(ex, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return BodyLimitFilter.tooLarge(exchange, tooLarge.maxBytes());
		}
		String service = service(exchange);
		if (unreachable(ex)) {
			logger.warn("{} is unreachable for {}: {}", service, exchange.getRequest().getPath(), ex.toString());
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			return ProblemWriter.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"Service unavailable", "The " + service + " cannot be reached right now; try again in "
							+ RETRY_AFTER_SECONDS + " seconds.",
					Map.of("retryAfterSeconds", Integer.parseInt(RETRY_AFTER_SECONDS)));
		}
		HttpStatusCode code = (ex instanceof ResponseStatusException status) ? status.getStatusCode()
				: (find(ex, TimeoutException.class) != null) ? HttpStatus.GATEWAY_TIMEOUT
						: HttpStatus.INTERNAL_SERVER_ERROR;
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null || status == HttpStatus.INTERNAL_SERVER_ERROR) {
			logger.error("Unexpected error answering {} {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return ProblemWriter.write(exchange, status, slug(status), status.getReasonPhrase(), detail(status, service),
				Map.of());
	}

	private static String detail(HttpStatus status, String service) {
		return switch (status) {
			case GATEWAY_TIMEOUT -> "The " + service + " did not answer in time; try again later.";
			case SERVICE_UNAVAILABLE ->
				"The " + service + " is unavailable right now; try again in " + RETRY_AFTER_SECONDS + " seconds.";
			case NOT_FOUND -> "Nothing is served at this path; the API is under /api/<service>/.";
			case INTERNAL_SERVER_ERROR -> "An unexpected error occurred in the gateway. It has been logged.";
			default -> status.getReasonPhrase() + ".";
		};
	}

	private static String slug(HttpStatus status) {
		return switch (status) {
			case GATEWAY_TIMEOUT -> "gateway-timeout";
			case SERVICE_UNAVAILABLE -> "service-unavailable";
			case INTERNAL_SERVER_ERROR -> "internal-error";
			default -> status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		};
	}

	private static String service(ServerWebExchange exchange) {
		String[] segments = exchange.getRequest().getPath().value().split("/");
		return (segments.length > 2 && "api".equals(segments[1])) ? segments[2] + " service" : "service";
	}

	private static boolean unreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			Throwable current = t;
			if (UNREACHABLE.stream().anyMatch((type) -> type.isInstance(current))
					|| current.getClass().getName().endsWith("ConnectTimeoutException")
					|| current.getClass().getName().endsWith("PrematureCloseException")) {
				return true;
			}
		}
		return false;
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/**
	 * Drops what a half-forwarded answer may have left (length, encoding, the service's
	 * content headers), keeping the request id and CORS headers.
	 */
	private static void keepOnlyEdgeHeaders(HttpHeaders headers) {
		List<String> names = List.copyOf(headers.keySet());
		for (String name : names) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.equals("x-request-id") && !lower.startsWith("access-control-") && !lower.equals("vary")) {
				headers.remove(name);
			}
		}
	}

}
