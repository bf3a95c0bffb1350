/**
 * A tiny service used to test the platform's auto-configuration end to end.
 */
package io.physforge.platform.sample;
