/**
 * {@code physforge pinn}: trains a physics-informed neural network on a data file, in
 * process.
 */
package io.physforge.cli.pinn;
