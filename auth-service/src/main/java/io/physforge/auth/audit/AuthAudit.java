package io.physforge.auth.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records security-relevant actions: who did what to which resource, and the outcome.
 */
@Component
public class AuthAudit {

	private static final Logger log = LoggerFactory.getLogger("io.physforge.audit.auth");

	/**
	 * Records an action.
	 * @param action what happened, such as {@code login}, {@code refresh-reuse}
	 * @param actor id of the acting user, or a client address when unknown
	 * @param resource id of the affected resource, may be {@code null}
	 * @param outcome {@code success}, {@code failure} or {@code denied}
	 */
	public void record(String action, String actor, String resource, String outcome) {
		log.info("audit action={} actor={} resource={} outcome={}", action, actor, resource, outcome);
	}

}
