/**
 * Benchmarks of the audit log (mains, not tests); numbers in docs/benchmarks.md.
 */
package io.physforge.audit.bench;
