/**
 * {@code physforge simulate NAME --out FILE}: write a built-in simulation to a data file.
 */
package io.physforge.cli.simulate;
