package io.physforge.core.simulate.internal;

/**
 * {@code N(u) = -a u u_x}, evaluated in conservative form {@code -(a/2) (u^2)_x}: square
 * in physical space, dealias (2/3 rule), differentiate spectrally. 1-D grids use real
 * FFTs.
 */
final class ConservativeAdvection implements Nonlinearity {

	private final SpectralGrid grid;

	private final double a;

	private final double[] physical;

	ConservativeAdvection(SpectralGrid grid, double a) {
		this.grid = grid;
		this.a = a;
		this.physical = grid.newArray();
	}

	@Override
	public void evaluate(double[][] state, double[][] out) {
		if (!this.grid.twoDimensional()) {
			double[] u = this.physical;
			this.grid.toPhysicalReal(state[0], u);
			for (int i = 0; i < this.grid.size(); i++) {
				u[i] = u[i] * u[i];
			}
			this.grid.toSpectralRealDealiased(u, out[0]);
		}
		else {
			this.grid.toPhysical(state[0], this.physical);
			for (int i = 0; i < this.physical.length; i += 2) {
				double u = this.physical[i];
				this.physical[i] = u * u;
				this.physical[i + 1] = 0;
			}
			this.grid.toSpectralDealiased(this.physical, out[0]);
		}
		this.grid.scaleByDx(out[0], -this.a / 2);
	}

}
