/**
 * Web conventions shared by every service: {@code GET {api-prefix}/info} (a protected
 * endpoint reachable through the gateway that echoes the service and the caller), the
 * {@code X-Request-Id} filter, and the edge rules of {@link WebEdgeProperties}: JSON,
 * text and form bodies bounded (413), the browser security headers on every answer,
 * upload file names and {@code page} ranges checked (400), Actuator beyond health for
 * ADMIN tokens. Switches: {@code physforge.web.info.enabled},
 * {@code physforge.web.request-id.enabled}.
 */
package io.physforge.platform.web;
