/**
 * Test support shared by every service through platform's test-jar: the test database
 * ({@code physforge_test}), a local JWKS with a token minter, the smoke test each service
 * runs, a reader of a job's events ({@link io.physforge.platform.testing.JobStreams}) and
 * a stand-in for data-service's data set look-up
 * ({@link io.physforge.platform.testing.StubDataService}).
 */
package io.physforge.platform.testing;
