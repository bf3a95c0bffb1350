/**
 * Numerical derivatives of fields along grid axes: the {@link Differentiator} contract
 * and its implementations {@link io.physforge.core.derivative.FiniteDifference} (Fornberg
 * weights, any spacing), {@link io.physforge.core.derivative.PolynomialFit} (PDE-FIND's
 * PolyDiff), {@link io.physforge.core.derivative.SavitzkyGolay} and
 * {@link io.physforge.core.derivative.Spectral} (periodic FFT);
 * {@link io.physforge.core.derivative.Differentiators} builds them by name with options,
 * and {@link io.physforge.core.derivative.Derivatives} composes mixed derivatives such as
 * {@code u_xy}.
 */
package io.physforge.core.derivative;
