/**
 * Settings of the orchestration service and the background tasks (outbox relay, timeout
 * sweeper, re-publisher, SSE heartbeat) that run on them.
 */
package io.physforge.orchestration.config;
