/**
 * Servlet request lookup behind the audit publisher; loaded only when the servlet API is
 * present.
 */
package io.physforge.platform.audit.internal;
