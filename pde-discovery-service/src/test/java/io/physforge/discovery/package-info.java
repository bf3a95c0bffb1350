/**
 * Tests of pde-discovery-service against real PostgreSQL, Redis, S3 and HTTP.
 */
package io.physforge.discovery;
