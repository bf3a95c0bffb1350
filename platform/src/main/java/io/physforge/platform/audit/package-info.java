/**
 * Audit events (who did what to which resource, with what outcome, when, from where) in
 * the wire format of {@code docs/audit-events.md}.
 * <p>
 * A service records an event with {@link io.physforge.platform.audit.AuditRecorder} in
 * its own outbox table {@code audit_outbox}, inside the transaction of the change, so the
 * change and its event commit or roll back together; a relay publishes the outbox to the
 * Redis stream {@code pf:audit} (capped, with back-pressure: nothing is trimmed unread,
 * nothing is lost while Redis is down). Settings {@code physforge.audit.*}: see
 * {@link io.physforge.platform.audit.AuditProperties}.
 */
package io.physforge.platform.audit;
