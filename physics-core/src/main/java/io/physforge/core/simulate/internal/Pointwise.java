package io.physforge.core.simulate.internal;

/**
 * A nonlinearity without derivatives, {@code N_q = f_q(u, v, ...)} evaluated point by
 * point on real fields, transformed back with the 2/3 rule.
 */
final class Pointwise implements Nonlinearity {

	/** The pointwise reaction: reads {@code values}, writes {@code rates}. */
	@FunctionalInterface
	interface Reaction {

		void apply(double[] values, double[] rates);

	}

	private final SpectralGrid grid;

	private final Reaction reaction;

	private final double[][] physical;

	private final double[] values;

	private final double[] rates;

	Pointwise(SpectralGrid grid, int components, Reaction reaction) {
		this.grid = grid;
		this.reaction = reaction;
		this.physical = new double[components][grid.size() * 2];
		this.values = new double[components];
		this.rates = new double[components];
	}

	@Override
	public void evaluate(double[][] state, double[][] out) {
		if (this.physical.length == 2) {
			evaluatePair(state, out);
			return;
		}
		if (this.physical.length == 1 && !this.grid.twoDimensional()) {
			evaluateReal(state, out);
			return;
		}
		int m = this.physical.length;
		for (int q = 0; q < m; q++) {
			this.grid.toPhysical(state[q], this.physical[q]);
		}
		int n = this.grid.size();
		for (int p = 0; p < n; p++) {
			for (int q = 0; q < m; q++) {
				this.values[q] = this.physical[q][2 * p];
			}
			this.reaction.apply(this.values, this.rates);
			for (int q = 0; q < m; q++) {
				this.physical[q][2 * p] = this.rates[q];
				this.physical[q][2 * p + 1] = 0;
			}
		}
		for (int q = 0; q < m; q++) {
			this.grid.toSpectralDealiased(this.physical[q], out[q]);
		}
	}

	/** One real 1-D field: real FFTs. */
	private void evaluateReal(double[][] state, double[][] out) {
		double[] u = this.physical[0];
		this.grid.toPhysicalReal(state[0], u);
		for (int i = 0; i < this.grid.size(); i++) {
			this.values[0] = u[i];
			this.reaction.apply(this.values, this.rates);
			u[i] = this.rates[0];
		}
		this.grid.toSpectralRealDealiased(u, out[0]);
	}

	/** Two real fields share one complex FFT each way. */
	private void evaluatePair(double[][] state, double[][] out) {
		double[] z = this.physical[0];
		this.grid.toPhysicalPair(state[0], state[1], z);
		for (int i = 0; i < z.length; i += 2) {
			this.values[0] = z[i];
			this.values[1] = z[i + 1];
			this.reaction.apply(this.values, this.rates);
			z[i] = this.rates[0];
			z[i + 1] = this.rates[1];
		}
		this.grid.toSpectralPairDealiased(z, out[0], out[1]);
	}

}
