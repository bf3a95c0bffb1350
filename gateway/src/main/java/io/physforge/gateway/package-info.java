/**
 * The PhysForge gateway: the single entry point that routes {@code /api/<service>/**} to
 * each service, checks JWTs, applies CORS and rate limits, and propagates request ids.
 * Routes, timeouts and retries are declared in {@code application.yml}.
 */
package io.physforge.gateway;
