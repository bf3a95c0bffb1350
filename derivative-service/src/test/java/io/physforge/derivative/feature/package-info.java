/**
 * Tests of feature-set specs and their computation, without servers.
 */
package io.physforge.derivative.feature;
