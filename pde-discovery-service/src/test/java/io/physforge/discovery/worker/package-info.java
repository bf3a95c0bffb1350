/**
 * Tests of the discovery worker.
 */
package io.physforge.discovery.worker;
