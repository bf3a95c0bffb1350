/**
 * The audit hook of auth-service: every security-relevant action goes through
 * {@link io.physforge.auth.audit.AuthAudit}. Today it logs; it is the one place to call
 * the platform's audit publisher once that is available.
 */
package io.physforge.auth.audit;
