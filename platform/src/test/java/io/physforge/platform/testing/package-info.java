/**
 * Test support shared by every service through platform's test-jar: the test database
 * ({@code physforge_test}), a local JWKS with a token minter, and the smoke test each
 * service runs.
 */
package io.physforge.platform.testing;
