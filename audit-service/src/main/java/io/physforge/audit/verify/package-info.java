/**
 * Checking the whole stored log: the keyed chain, every leaf, the indexed columns,
 * event-id uniqueness and every signed checkpoint, streamed with flat memory.
 */
package io.physforge.audit.verify;
