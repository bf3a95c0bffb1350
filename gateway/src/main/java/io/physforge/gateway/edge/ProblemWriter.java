package io.physforge.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own answers as RFC 9457 problems
 * ({@code application/problem+json}, type {@code https://physforge.dev/problems/<slug>},
 * the request id).
 */
final class ProblemWriter {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemWriter() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail,
			Map<String, Object> extra) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://physforge.dev/problems/" + slug);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		String requestId = exchange.getResponse().getHeaders().getFirst("X-Request-Id");
		if (requestId != null) {
			problem.put("requestId", requestId);
		}
		problem.putAll(extra);
		byte[] body;
		try {
			body = JSON.writeValueAsBytes(problem);
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
