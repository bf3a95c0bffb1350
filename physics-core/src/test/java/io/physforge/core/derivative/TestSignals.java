package io.physforge.core.derivative;

import java.util.Random;

import io.physforge.core.field.Axis;

/** Test signals shared by the accuracy tests. */
final class TestSignals {

	private TestSignals() {
	}

	/**
	 * {@code sin(x)} on {@code n} points of {@code [0, 2 pi]} plus Gaussian noise of
	 * {@code level} times the signal's standard deviation ({@code 1/sqrt 2}), seeded.
	 */
	static double[] noisySine(Axis axis, double level, long seed) {
		Random random = new Random(seed);
		double[] u = new double[axis.size()];
		for (int i = 0; i < u.length; i++) {
			u[i] = Math.sin(axis.at(i)) + level * Math.sqrt(0.5) * random.nextGaussian();
		}
		return u;
	}

	/** RMS of {@code du - sin^(m)} over points at least {@code trim} from either end. */
	static double rmsErrorVsSine(Axis axis, double[] du, int order, int trim) {
		double sum = 0;
		int count = 0;
		for (int i = trim; i < axis.size() - trim; i++) {
			double e = du[i] - DifferentiatorContractTest.sinDerivative(axis.at(i), order);
			sum += e * e;
			count++;
		}
		return Math.sqrt(sum / count);
	}

	/**
	 * Maximum of {@code |du - expected|} over points at least {@code trim} from the ends.
	 */
	static double maxError(double[] du, double[] expected, int trim) {
		double max = 0;
		for (int i = trim; i < du.length - trim; i++) {
			max = Math.max(max, Math.abs(du[i] - expected[i]));
		}
		return max;
	}

	/** The {@code m}-th derivative of {@code sum_k c[k] x^k}. */
	static double polynomial(double[] c, double x, int m) {
		double sum = 0;
		for (int k = m; k < c.length; k++) {
			double f = 1;
			for (int i = 0; i < m; i++) {
				f *= k - i;
			}
			sum += c[k] * f * Math.pow(x, k - m);
		}
		return sum;
	}

}
