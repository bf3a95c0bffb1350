package io.physforge.core.simulate.internal;

/**
 * The nonlinear part {@code N(u)} of {@code u_t = L u + N(u)} in Fourier space.
 */
@FunctionalInterface
public interface Nonlinearity {

	/** The nonlinearity that is identically zero. */
	Nonlinearity ZERO = (state, out) -> {
		for (double[] o : out) {
			java.util.Arrays.fill(o, 0);
		}
	};

	/**
	 * Writes the dealiased Fourier coefficients of {@code N} into {@code out}.
	 * @param state Fourier coefficients of each component (interleaved complex; read
	 * only)
	 * @param out one array per component, same sizes, overwritten
	 */
	void evaluate(double[][] state, double[][] out);

}
