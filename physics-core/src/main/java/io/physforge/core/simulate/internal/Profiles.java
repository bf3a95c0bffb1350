package io.physforge.core.simulate.internal;

import java.util.function.DoubleUnaryOperator;

import io.physforge.core.simulate.SimulationSettings;

/** Initial profiles shared by several equations. */
final class Profiles {

	private Profiles() {
	}

	/** {@code f(x_j)} over the settings' x coordinates. */
	static double[] of(SimulationSettings s, DoubleUnaryOperator f) {
		double[] x = s.xCoordinates();
		double[] v = new double[x.length];
		for (int j = 0; j < x.length; j++) {
			v[j] = f.applyAsDouble(x[j]);
		}
		return v;
	}

	/** {@code exp(-((x - center) / width)^2)}. */
	static double gaussian(double x, double center, double width) {
		double z = (x - center) / width;
		return Math.exp(-z * z);
	}

	/** {@code sin(2 pi s) + 0.5 cos(6 pi s)} with {@code s = (x - xMin) / xLength}. */
	static double modes(double x, SimulationSettings s) {
		double z = 2 * Math.PI * (x - s.xMin()) / s.xLength();
		return Math.sin(z) + 0.5 * Math.cos(3 * z);
	}

	static double sech(double z) {
		return 1 / Math.cosh(z);
	}

	/** The centre {@code xMin + xLength / 2} of the x period. */
	static double center(SimulationSettings s) {
		return s.xMin() + s.xLength() / 2;
	}

	static IllegalArgumentException unknown(SpectralEquation e, String initialCondition) {
		return new IllegalArgumentException("unknown initial condition '" + initialCondition + "' for " + e.name()
				+ "; known: " + e.initialConditions());
	}

}
