/**
 * Test support shared through physics-core's test-jar: where the reference data lives.
 */
package io.physforge.core.testing;
