/**
 * Web conventions shared by every service: {@code GET {api-prefix}/info} (a protected
 * endpoint reachable through the gateway that echoes the service and the caller) and the
 * {@code X-Request-Id} filter. Switches: {@code physforge.web.info.enabled},
 * {@code physforge.web.request-id.enabled}.
 */
package io.physforge.platform.web;
