/**
 * Machinery of the simulators: the ETDRK4 stepper (Kassam &amp; Trefethen 2005), the
 * Fourier grid with 2/3-rule dealiasing, and the built-in equations. Not API: use
 * {@link io.physforge.core.simulate.Simulations}.
 */
package io.physforge.core.simulate.internal;
