/**
 * Weak-form sparse regression (WSINDy-PDE, Messenger and Bortz, J. Comput. Phys. 443,
 * 110525, 2021): {@link io.physforge.core.weak.WeakForm} builds the weak linear system of
 * a candidate library by integrating against compactly supported test functions and
 * solves it with MSTLS; {@link io.physforge.core.weak.NoiseEstimate} estimates the
 * measurement noise level of a field.
 */
package io.physforge.core.weak;
