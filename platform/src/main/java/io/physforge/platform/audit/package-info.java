/**
 * Audit events (who did what to which resource, with what outcome, when, from where)
 * published to the Redis stream {@code pf:audit}, which audit-service stores in its hash
 * chain.
 * <p>
 * {@link io.physforge.platform.audit.AuditPublisher} fills the request id
 * ({@code X-Request-Id}) and client address (first {@code X-Forwarded-For} entry, else
 * the remote address) from the current HTTP request when there is one, and the actor from
 * the security context when none is given. <b>Publishing never breaks the caller</b>: a
 * failure (Redis down) is logged and reported by the return value only, because the
 * request it describes already happened. Properties: {@code physforge.audit.enabled}
 * (default true), {@code physforge.audit.stream} (default {@code pf:audit}).
 */
package io.physforge.platform.audit;
