package io.physforge.pinn.internal;

/**
 * Adam (Kingma and Ba, "Adam: A method for stochastic optimization", ICLR 2015) over a
 * flat parameter vector: beta1 0.9, beta2 0.999, epsilon 1e-8, bias-corrected moments.
 */
final class Adam {

	private static final double BETA1 = 0.9;

	private static final double BETA2 = 0.999;

	private static final double EPSILON = 1e-8;

	private final double[] m;

	private final double[] v;

	private int t;

	Adam(int size) {
		this.m = new double[size];
		this.v = new double[size];
	}

	/**
	 * One step of size {@code rate} against {@code gradient}, in place on {@code theta}.
	 */
	void step(double[] theta, double[] gradient, double rate) {
		this.t++;
		double c1 = 1 - Math.pow(BETA1, this.t);
		double c2 = 1 - Math.pow(BETA2, this.t);
		for (int i = 0; i < theta.length; i++) {
			double g = gradient[i];
			this.m[i] = BETA1 * this.m[i] + (1 - BETA1) * g;
			this.v[i] = BETA2 * this.v[i] + (1 - BETA2) * g * g;
			theta[i] -= rate * (this.m[i] / c1) / (Math.sqrt(this.v[i] / c2) + EPSILON);
		}
	}

}
