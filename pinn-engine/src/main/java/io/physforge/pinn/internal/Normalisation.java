package io.physforge.pinn.internal;

/**
 * Affine maps between physical and network units: inputs to {@code [-1, 1]} over the
 * problem's box ({@code xi = (x - center) / half}), outputs to zero mean and unit spread
 * ({@code u = mean + scale * N}).
 *
 * @param center centre of the box per input
 * @param half half-width of the box per input
 * @param mean mean of each output's targets
 * @param scale standard deviation of each output's targets (1 where it is 0)
 */
public record Normalisation(double[] center, double[] half, double[] mean, double[] scale) {

	/** Normalised coordinates of physical points ({@code n x inputs}). */
	public double[][] inputs(double[][] points) {
		double[][] out = new double[points.length][this.center.length];
		for (int i = 0; i < points.length; i++) {
			for (int k = 0; k < this.center.length; k++) {
				out[i][k] = (points[i][k] - this.center[k]) / this.half[k];
			}
		}
		return out;
	}

	/** Normalised targets ({@code n x outputs}). */
	public double[][] outputs(double[][] values) {
		double[][] out = new double[values.length][this.mean.length];
		for (int i = 0; i < values.length; i++) {
			for (int j = 0; j < this.mean.length; j++) {
				out[i][j] = (values[i][j] - this.mean[j]) / this.scale[j];
			}
		}
		return out;
	}

	/**
	 * The factor from a network derivative to a physical one: {@code scale[output]} times
	 * {@code half[k]^-orders[k]} over the inputs.
	 */
	public double derivativeFactor(int output, int[] orders) {
		double f = this.scale[output];
		for (int k = 0; k < orders.length; k++) {
			f /= Math.pow(this.half[k], orders[k]);
		}
		return f;
	}

}
