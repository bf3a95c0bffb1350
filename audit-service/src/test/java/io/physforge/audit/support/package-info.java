/**
 * Test support: a fresh migrated audit schema per test class, events in the wire format.
 */
package io.physforge.audit.support;
