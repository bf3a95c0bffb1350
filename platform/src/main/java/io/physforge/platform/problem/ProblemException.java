package io.physforge.platform.problem;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure a service reports to its client as an RFC 9457 problem: a status, a stable
 * type slug (type URI {@code https://physforge.dev/problems/<slug>}), a title, a readable
 * detail saying what is wrong and how to fix it, and optional extra properties and
 * headers.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final Map<String, Object> properties;

	private final HttpHeaders headers;

	/**
	 * A problem without extra properties.
	 * @param status HTTP status
	 * @param slug stable problem name, lower-case and hyphenated
	 * ({@code dataset-not-found})
	 * @param title short summary of the problem type
	 * @param detail what happened and how to fix it
	 */
	public ProblemException(HttpStatus status, String slug, String title, String detail) {
		this(status, slug, title, detail, Map.of(), null);
	}

	private ProblemException(HttpStatus status, String slug, String title, String detail,
			Map<String, Object> properties, HttpHeaders headers) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.title = title;
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
		this.headers = HttpHeaders.readOnlyHttpHeaders((headers != null) ? headers : new HttpHeaders());
	}

	/**
	 * A copy with one more problem property (an extension member of the JSON body).
	 * @param name property name
	 * @param value property value, serialised as JSON
	 * @return the copy
	 */
	public ProblemException with(String name, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(this.properties);
		copy.put(name, value);
		return new ProblemException(this.status, this.slug, this.title, getMessage(), copy, this.headers);
	}

	/**
	 * A copy with one more response header.
	 * @param name header name
	 * @param value header value
	 * @return the copy
	 */
	public ProblemException withHeader(String name, String value) {
		HttpHeaders copy = new HttpHeaders();
		copy.putAll(this.headers);
		copy.add(name, value);
		return new ProblemException(this.status, this.slug, this.title, getMessage(), this.properties, copy);
	}

	/**
	 * 404 for a resource that does not exist or belongs to someone else.
	 * @param what kind of resource ({@code dataset})
	 * @param id its id
	 * @return the problem, slug {@code <what>-not-found}
	 */
	public static ProblemException notFound(String what, Object id) {
		return new ProblemException(HttpStatus.NOT_FOUND, what + "-not-found", capitalize(what) + " not found",
				"No " + what + " with id " + id + " exists, or it is not yours.");
	}

	/**
	 * 400 for input the service cannot use.
	 * @param slug stable problem name
	 * @param detail what is wrong and how to fix it
	 * @return the problem
	 */
	public static ProblemException badRequest(String slug, String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, slug, "Bad request", detail);
	}

	/**
	 * 409 for a request that conflicts with the current state.
	 * @param slug stable problem name
	 * @param detail what conflicts
	 * @return the problem
	 */
	public static ProblemException conflict(String slug, String detail) {
		return new ProblemException(HttpStatus.CONFLICT, slug, "Conflict", detail);
	}

	/**
	 * 401 for a missing or unusable credential.
	 * @param slug stable problem name
	 * @param detail what is wrong
	 * @return the problem
	 */
	public static ProblemException unauthorized(String slug, String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, slug, "Unauthorized", detail);
	}

	/**
	 * 403 for an authenticated caller lacking a permission.
	 * @param slug stable problem name
	 * @param detail what is not allowed
	 * @return the problem
	 */
	public static ProblemException forbidden(String slug, String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, slug, "Forbidden", detail);
	}

	/**
	 * 429 with a {@code Retry-After} header.
	 * @param slug stable problem name
	 * @param detail what was throttled
	 * @param retryAfter how long the client should wait
	 * @return the problem
	 */
	public static ProblemException tooManyRequests(String slug, String detail, Duration retryAfter) {
		long seconds = Math.max(1, retryAfter.toSeconds() + ((retryAfter.toMillisPart() > 0) ? 1 : 0));
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, slug, "Too many requests", detail)
			.with("retryAfterSeconds", seconds)
			.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	/**
	 * @return the HTTP status
	 */
	public HttpStatus getStatus() {
		return this.status;
	}

	/**
	 * @return the stable problem name
	 */
	public String getSlug() {
		return this.slug;
	}

	/**
	 * @return the title
	 */
	public String getTitle() {
		return this.title;
	}

	/**
	 * @return extra problem properties
	 */
	public Map<String, Object> getProperties() {
		return this.properties;
	}

	/**
	 * @return extra response headers
	 */
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	/**
	 * @return this failure as a problem detail
	 */
	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = Problems.of(this.status, this.slug, this.title, getMessage());
		this.properties.forEach(problem::setProperty);
		return problem;
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1).replace('-', ' ');
	}

}
