/**
 * The audit REST API under {@code /api/audit}: queries, inclusion proofs, verify,
 * checkpoints, export (ADMIN or AUDITOR), a user's own events, and the public key.
 */
package io.physforge.audit.api;
