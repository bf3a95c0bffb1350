/**
 * Rate limiting of the public auth endpoints: Redis-backed token buckets keyed by client
 * address.
 */
package io.physforge.gateway.ratelimit;
