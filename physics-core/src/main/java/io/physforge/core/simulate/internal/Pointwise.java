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

}
