package io.physforge.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounds every request body: {@code max-body-size} everywhere, {@code max-upload-size}
 * (plus the multipart framing) on the upload paths. A declared {@code Content-Length}
 * over the limit is answered 413 before a byte is read or forwarded; a body without a
 * length is counted as it streams to the service and stopped with the same 413 once it
 * passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyLimitFilter implements WebFilter {

	private final long maxBody;

	private final long maxUpload;

	private final List<PathPattern> uploadPaths;

	BodyLimitFilter(EdgeProperties properties) {
		this.maxBody = properties.maxBodySize().toBytes();
		this.maxUpload = properties.maxUploadSize().toBytes() + EdgeProperties.FORM_OVERHEAD;
		this.uploadPaths = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long max = this.uploadPaths.stream()
			.anyMatch((pattern) -> pattern.matches(request.getPath().pathWithinApplication())) ? this.maxUpload
					: this.maxBody;
		long length = request.getHeaders().getContentLength();
		if (length > max) {
			return tooLarge(exchange, max);
		}
		if (length >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequest bounded = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong count = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (count.addAndGet(buffer.readableByteCount()) > max) {
						DataBufferUtils.release(buffer);
						sink.error(new PayloadTooLargeException(max));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(bounded).build());
	}

	static Mono<Void> tooLarge(ServerWebExchange exchange, long max) {
		return ProblemWriter.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body is larger than the " + max + " bytes this path accepts; send a smaller body.",
				Map.of("maxBytes", max));
	}

}
