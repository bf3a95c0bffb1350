/**
 * Simulators that make data sets for equation discovery:
 * {@link io.physforge.core.simulate.Simulations} runs the built-in periodic equations
 * (heat, advection-diffusion, Burgers, KdV, Kuramoto-Sivashinsky, Allen-Cahn, Fisher-KPP,
 * NLS, lambda-omega reaction-diffusion) with ETDRK4 pseudo-spectral integration and knows
 * their true equations in canonical terms.
 */
package io.physforge.core.simulate;
