package io.physforge.platform.audit.internal;

import java.util.Set;

import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records {@code access.denied} for a 403 answer, from the security filter chain and the
 * problem handler alike: the resource type of the path, outcome denied, reason the method
 * and path. A failure to record is logged and never changes the 403.
 */
public final class AccessDeniedAudit {

	/** The action recorded. */
	public static final String ACTION = "access.denied";

	private static final Logger logger = LoggerFactory.getLogger(AccessDeniedAudit.class);

	private static final Set<String> GENERIC = Set.of("job", "run", "model", "key", "event", "checkpoint");

	private AccessDeniedAudit() {
	}

	/**
	 * Records a refused request.
	 * @param recorder the recorder, {@code null} where the service has none
	 * @param request the refused request
	 */
	public static void record(AuditRecorder recorder, HttpServletRequest request) {
		if (recorder == null) {
			return;
		}
		String path = request.getRequestURI();
		try {
			recorder.record(AuditEvent.builder(ACTION, resourceType(path))
				.resourceId(resourceId(path))
				.denied(request.getMethod() + " " + path));
		}
		catch (RuntimeException ex) {
			logger.error("Could not record access.denied for {} {}: {}", request.getMethod(), path, ex.toString());
		}
	}

	/**
	 * The resource type of an API path: the first segment after {@code /api/<area>},
	 * singular, prefixed with the area when the noun alone says little
	 * ({@code /api/data/datasets/1} is {@code dataset}, {@code /api/pinn/jobs} is
	 * {@code pinn-job}, {@code /api/audit/events} is {@code audit-event}).
	 * @param path the request path
	 * @return the resource type
	 */
	public static String resourceType(String path) {
		String[] segments = segments(path);
		int first = (segments.length > 1 && "api".equals(segments[0])) ? 1 : 0;
		if (segments.length <= first) {
			return "api";
		}
		String area = segments[first];
		if (segments.length == first + 1) {
			return area;
		}
		String noun = segments[first + 1];
		String singular = noun.endsWith("ies") ? noun.substring(0, noun.length() - 3) + "y"
				: (noun.endsWith("s") && noun.length() > 1) ? noun.substring(0, noun.length() - 1) : noun;
		return GENERIC.contains(singular) ? area + "-" + singular : singular;
	}

	private static String resourceId(String path) {
		String[] segments = segments(path);
		int first = (segments.length > 1 && "api".equals(segments[0])) ? 1 : 0;
		return (segments.length > first + 2) ? segments[first + 2] : null;
	}

	private static String[] segments(String path) {
		String trimmed = (path == null) ? "" : path.replaceAll("^/+|/+$", "");
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
	}

}
