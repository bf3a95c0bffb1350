/**
 * Machinery of the launcher: locating jars, child processes and their health.
 */
package io.physforge.suite.launch.internal;
