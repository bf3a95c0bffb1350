/**
 * The gateway's edge rules: request body limits (413), the browser security headers on
 * every answer, and every error the gateway itself answers (no route, service down,
 * timeout, anything unexpected) as an RFC 9457 problem.
 */
package io.physforge.gateway.edge;
