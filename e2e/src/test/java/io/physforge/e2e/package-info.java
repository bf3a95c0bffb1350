/**
 * Whole-suite tests: every service and the gateway started from their jars on real
 * PostgreSQL, Redis and S3, exercised over HTTP through the gateway.
 */
package io.physforge.e2e;
