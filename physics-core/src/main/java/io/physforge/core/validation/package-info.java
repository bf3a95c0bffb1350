/**
 * Validation of discovered equations by re-simulation from the data's first time slice:
 * ETDRK4 pseudo-spectral integration on periodic grids, a method-of-lines fallback
 * otherwise, and the trajectory error against the data.
 */
package io.physforge.core.validation;
