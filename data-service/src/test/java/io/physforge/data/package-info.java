/**
 * Integration tests of data-service on the real test database, Redis, an S3-compatible
 * server and HTTP.
 */
package io.physforge.data;
