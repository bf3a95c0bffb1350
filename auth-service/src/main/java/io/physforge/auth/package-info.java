/**
 * auth-service: users and roles, login with throttling, rotating refresh tokens, API keys
 * for the CLI, and the RS256 signing keys whose public halves every other service fetches
 * from the JWKS endpoint.
 */
package io.physforge.auth;
