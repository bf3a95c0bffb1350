package io.physforge.audit.api;

import io.physforge.platform.audit.AuditDetails;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Reading the audit log is itself audited: {@code audit.query}, {@code audit.verify},
 * {@code audit.export} (resource type {@code audit-log}), recorded through the platform's
 * outbox like every other event, so they land in the same chain.
 */
@Component
public class AuditReads {

	private final AuditRecorder recorder;

	AuditReads(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * Records a read of the audit log by the current user.
	 * @param user who read
	 * @param action {@code audit.query}, {@code audit.verify} or {@code audit.export}
	 * @param details what was asked (filters, range), never secrets; bound by its hash
	 */
	public void record(CurrentUser user, String action, String details) {
		this.recorder.record(AuditEvent.builder(action, "audit-log")
			.actor(user.id(), user.roles())
			.detailsHash(AuditDetails.hashText(details)));
	}

}
