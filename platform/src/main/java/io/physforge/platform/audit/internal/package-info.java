/**
 * Machinery behind the audit recorder: who is calling and from which request, the outbox
 * relay to Redis, the resource type of a refused path. Nobody outside
 * {@code io.physforge.platform} uses it.
 */
package io.physforge.platform.audit.internal;
