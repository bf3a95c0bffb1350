package io.physforge.core.simulate.internal;

import java.util.function.ToDoubleFunction;

/**
 * An equation {@code u_t = L u + N(u)} made concrete on one grid: the diagonal Fourier
 * symbol of {@code L} per state component, {@code N}, and the largest step the solver
 * should take from a given state.
 *
 * @param linear per component, the interleaved complex symbol of {@code L}
 * @param nonlinearity {@code N} in Fourier space
 * @param maxStep from the physical field values (in field order), the largest accurate
 * and stable step; {@code Double.POSITIVE_INFINITY} when {@code N} is zero
 */
public record SpectralModel(double[][] linear, Nonlinearity nonlinearity, ToDoubleFunction<double[][]> maxStep) {

	/** Courant number for advective nonlinearities: {@code h <= C dx / max|speed|}. */
	public static final double ADVECTIVE_COURANT = 0.25;

	/** Reaction nonlinearities: {@code h <= C / max|dN/du|}. */
	public static final double REACTION_LIMIT = 0.1;

	/** A purely linear model. */
	public static SpectralModel linear(double[][] symbols) {
		return new SpectralModel(symbols, Nonlinearity.ZERO, f -> Double.POSITIVE_INFINITY);
	}

	/** Step limit {@code C dx / (coefficient * max|u|)} of an advective term. */
	public static double advectiveStep(double dx, double coefficient, double[] u) {
		double speed = Math.abs(coefficient) * maxAbs(u);
		return (speed == 0) ? Double.POSITIVE_INFINITY : ADVECTIVE_COURANT * dx / speed;
	}

	/** Step limit {@code C / rate} of a reaction term with the given maximal rate. */
	public static double reactionStep(double rate) {
		return (rate == 0) ? Double.POSITIVE_INFINITY : REACTION_LIMIT / Math.abs(rate);
	}

	/** Largest absolute value. */
	public static double maxAbs(double[] values) {
		double m = 0;
		for (double v : values) {
			m = Math.max(m, Math.abs(v));
		}
		return m;
	}

}
