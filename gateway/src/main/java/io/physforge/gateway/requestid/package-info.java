/**
 * Request ids: every request gets an {@code X-Request-Id} (the client's, when well
 * formed, else a new UUID) that is forwarded to the service and returned to the client.
 */
package io.physforge.gateway.requestid;
