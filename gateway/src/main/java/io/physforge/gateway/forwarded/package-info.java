/**
 * The client address the gateway forwards to services in {@code X-Forwarded-For}.
 */
package io.physforge.gateway.forwarded;
