/**
 * Transactional outbox: job messages written with the job rows, published to
 * {@code pf:jobs:<queue>} by a relay, and re-published from PostgreSQL when Redis lost
 * them.
 */
package io.physforge.orchestration.outbox;
