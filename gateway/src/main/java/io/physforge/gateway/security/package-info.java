/**
 * JWT validation at the edge (RS256 against auth-service's JWKS, issuer and audience
 * checked), the public endpoints that need no token, CORS for the dashboard, and RFC 9457
 * problem responses for 401 and 403.
 */
package io.physforge.gateway.security;
