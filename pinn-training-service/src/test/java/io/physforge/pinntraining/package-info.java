/**
 * Tests of pinn-training-service against real PostgreSQL, Redis, S3 and HTTP.
 */
package io.physforge.pinntraining;
