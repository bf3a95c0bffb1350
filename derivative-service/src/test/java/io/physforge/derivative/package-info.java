/**
 * Tests of derivative-service on real PostgreSQL, Redis, S3 and HTTP.
 */
package io.physforge.derivative;
