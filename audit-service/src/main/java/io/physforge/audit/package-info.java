/**
 * audit-service: the append-only, hash-chained audit log of every service, with signed
 * checkpoints; query, verify and export. See {@code docs/audit.md}.
 */
package io.physforge.audit;
