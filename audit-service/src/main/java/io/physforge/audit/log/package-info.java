/**
 * Storing the audit log: validating stream entries against the wire format
 * ({@code docs/audit-events.md}), appending them once each to the keyed hash chain under
 * the chain-head lock, the in-memory Merkle frontier, and signed checkpoints.
 */
package io.physforge.audit.log;
