package io.physforge.platform.audit.internal;

import java.util.List;
import java.util.Optional;

import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.security.CurrentUser;

import org.springframework.util.ClassUtils;

/**
 * Who is acting and from which request, as the recorder fills them in.
 */
public final class AuditContext {

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			AuditContext.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder",
					AuditContext.class.getClassLoader());

	private AuditContext() {
	}

	/**
	 * The caller of the current request: the access token's user and roles, else
	 * {@code anonymous} with no roles.
	 * @return the caller
	 */
	public static Caller caller() {
		Optional<CurrentUser> user = CurrentUser.find();
		return user.map((found) -> new Caller(found.id(), List.copyOf(found.roles())))
			.orElseGet(() -> new Caller(AuditEvent.ANONYMOUS, List.of()));
	}

	/**
	 * The current HTTP request's id and client address.
	 * @return {@code {requestId, clientAddress}}, entries {@code null} when unknown
	 */
	public static String[] request() {
		return SERVLET_PRESENT ? CurrentRequest.idAndClientAddress() : new String[2];
	}

	/**
	 * An actor and their roles.
	 *
	 * @param id user id or {@code anonymous}
	 * @param roles the roles
	 */
	public record Caller(String id, List<String> roles) {

	}

}
