package io.physforge.core.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each fast path of the nonlinear terms (real FFT in 1-D, paired FFT for two fields)
 * agrees with the general complex path and with the analytic derivative.
 */
class NonlinearityTest {

	private static double[] spectrum(SpectralGrid g, java.util.function.IntToDoubleFunction f) {
		double[] hat = g.newArray();
		for (int p = 0; p < g.size(); p++) {
			hat[2 * p] = f.applyAsDouble(p);
		}
		g.forward(hat);
		return hat;
	}

	@Test
	void conservativeAdvectionIsMinusUTimesUxIn1dAnd2d() {
		int n = 32;
		double l = 2 * Math.PI;
		SpectralGrid g1 = new SpectralGrid(n, l, 1, 0);
		SpectralGrid g2 = new SpectralGrid(n, l, 8, 1);
		double[] u1 = spectrum(g1, p -> Math.sin(2 * Math.PI * p / n));
		double[] u2 = spectrum(g2, p -> Math.sin(2 * Math.PI * (p / 8) / n));
		double[][] out1 = { g1.newArray() };
		double[][] out2 = { g2.newArray() };
		new ConservativeAdvection(g1, 2).evaluate(new double[][] { u1 }, out1);
		new ConservativeAdvection(g2, 2).evaluate(new double[][] { u2 }, out2);
		g1.inverse(out1[0]);
		g2.inverse(out2[0]);
		for (int p = 0; p < g2.size(); p++) {
			double x = 2 * Math.PI * (p / 8) / n;
			double exact = -2 * Math.sin(x) * Math.cos(x);
			assertThat(out2[0][2 * p]).isCloseTo(exact, within(1e-13));
			assertThat(out1[0][2 * (p / 8)]).isCloseTo(exact, within(1e-13));
		}
	}

	@Test
	void pairedAndGeneralPointwisePathsAgree() {
		SpectralGrid g = new SpectralGrid(16, 3, 8, 2);
		double[] a = spectrum(g, p -> Math.cos(2 * Math.PI * (p / 8) / 16) + 0.2);
		double[] b = spectrum(g, p -> Math.sin(2 * Math.PI * (p % 8) / 8));
		Pointwise.Reaction two = (v, r) -> {
			r[0] = v[0] * v[1] * v[1];
			r[1] = -v[0] * v[0] * v[0];
		};
		Pointwise.Reaction three = (v, r) -> {
			two.apply(v, r);
			r[2] = 0;
		};
		double[][] paired = { g.newArray(), g.newArray() };
		double[][] general = { g.newArray(), g.newArray(), g.newArray() };
		new Pointwise(g, 2, two).evaluate(new double[][] { a, b }, paired);
		new Pointwise(g, 3, three).evaluate(new double[][] { a, b, g.newArray() }, general);
		assertThat(paired[0]).containsExactly(general[0], within(1e-12));
		assertThat(paired[1]).containsExactly(general[1], within(1e-12));
	}

}
