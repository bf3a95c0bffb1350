package io.physforge.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details with PhysForge's type URIs. Used by the exception advice and by
 * the security entry points, which answer outside Spring MVC.
 */
public final class Problems {

	/** Base of every problem {@code type}; the slug follows it. */
	public static final String TYPE_BASE = "https://physforge.dev/problems/";

	/**
	 * Request header carrying the request id; echoed in problems as {@code requestId}.
	 */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	/** Request attribute holding the request id once the request-id filter has run. */
	public static final String REQUEST_ID_ATTRIBUTE = "io.physforge.requestId";

	private Problems() {
	}

	/**
	 * The id of a request: set by the request-id filter, else the {@code X-Request-Id}
	 * header, else {@code null}.
	 * @param request the request
	 * @return the request id or {@code null}
	 */
	public static String requestId(HttpServletRequest request) {
		Object attribute = request.getAttribute(REQUEST_ID_ATTRIBUTE);
		return (attribute != null) ? attribute.toString() : request.getHeader(REQUEST_ID_HEADER);
	}

	/**
	 * The type URI of a slug.
	 * @param slug stable, lower-case, hyphenated problem name such as {@code not-found}
	 * @return {@code https://physforge.dev/problems/<slug>}
	 */
	public static URI type(String slug) {
		return URI.create(TYPE_BASE + slug);
	}

	/**
	 * A problem detail with PhysForge's type.
	 * @param status HTTP status
	 * @param slug stable problem name
	 * @param title short human summary of the problem type
	 * @param detail what happened in this occurrence and how to fix it
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The JSON members of a problem in RFC 9457 order, for writers outside Spring MVC.
	 * @param problem the problem
	 * @return {@code type, title, status, detail, instance} and the extension members
	 */
	public static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", String.valueOf(problem.getType()));
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			map.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			map.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

	/**
	 * A validation problem listing every offending field.
	 * @param errors one entry per offending field
	 * @return a 400 problem of type {@code validation}
	 */
	public static ProblemDetail validation(List<FieldError> errors) {
		String detail = (errors.size() == 1) ? "1 field is invalid: " + errors.get(0).describe() : errors.size()
				+ " fields are invalid: " + String.join("; ", errors.stream().map(FieldError::describe).toList());
		ProblemDetail problem = of(org.springframework.http.HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * One offending field of a request.
	 *
	 * @param field path of the field in the request ({@code email}, {@code roles[0]},
	 * parameter name)
	 * @param message what is wrong with it
	 */
	public record FieldError(String field, String message) {

		String describe() {
			return this.field + " " + this.message;
		}

	}

}
