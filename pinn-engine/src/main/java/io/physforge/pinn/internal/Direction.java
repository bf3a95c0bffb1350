package io.physforge.pinn.internal;

/**
 * A direction in normalised input space along which derivatives are propagated, up to
 * {@code maxOrder}.
 *
 * @param vector the direction, one entry per input
 * @param maxOrder highest derivative order needed along it, 1 to 4
 */
record Direction(double[] vector, int maxOrder) {

}
