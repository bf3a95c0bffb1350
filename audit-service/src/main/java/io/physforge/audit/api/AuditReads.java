package io.physforge.audit.api;

import io.physforge.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The one hook through which reading the audit log is itself audited
 * ({@code audit.query}, {@code audit.verify}, {@code audit.export}). It only logs for
 * now: emitting audit events through the platform's outbox is being built separately and
 * replaces the body of {@link #record} when it lands.
 */
@Component
public class AuditReads {

	private static final Logger log = LoggerFactory.getLogger(AuditReads.class);

	/**
	 * Records a read of the audit log.
	 * @param user who read
	 * @param action {@code audit.query}, {@code audit.verify} or {@code audit.export}
	 * @param details what was asked (filters, range), never secrets
	 */
	public void record(CurrentUser user, String action, String details) {
		log.info("audit read: actor={} roles={} action={} {}", user.id(), user.roles(), action, details);
	}

}
