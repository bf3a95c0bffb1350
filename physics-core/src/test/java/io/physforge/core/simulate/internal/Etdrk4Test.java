package io.physforge.core.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.physforge.core.simulate.SimulationSettings;

/**
 * The ETDRK4 stepper: coefficient limits, exact linear 2-D decay, and fourth-order
 * convergence. Measured: coefficients at {@code hL = 1e-12} equal their RK4 limits
 * ({@code h/2, h/6, h/6, h/6}) to 1e-13 (the explicit formulas lose all digits there: the
 * reason for the contour integrals); 2-D diffusion of a Fourier mode exact to 1e-13;
 * Burgers (64 points, t = 2) errors 1.2e-4, 8.7e-6, 5.7e-7 for h = 0.2, 0.1, 0.05: ratios
 * 14.3 and 15.4 (order 4 gives 16).
 */
class Etdrk4Test {

	@Test
	void coefficientsReachTheirRungeKuttaLimitsForTinyHL() {
		double h = 0.5;
		Etdrk4.Coefficients k = new Etdrk4.Coefficients(new double[] { 2e-12, 0, 0, 0 }, h);
		for (int i : new int[] { 0, 2 }) {
			assertThat(k.q[i]).isCloseTo(h / 2, within(1e-13));
			assertThat(k.f1[i]).isCloseTo(h / 6, within(1e-13));
			assertThat(k.f2[i]).isCloseTo(h / 6, within(1e-13));
			assertThat(k.f3[i]).isCloseTo(h / 6, within(1e-13));
			assertThat(k.q[i + 1]).isCloseTo(0, within(1e-15));
		}
	}

	@Test
	void coefficientsMatchExplicitFormulasForLargeComplexHL() {
		double h = 1;
		double lr = -3;
		double li = 7;
		Etdrk4.Coefficients k = new Etdrk4.Coefficients(new double[] { lr, li }, h);
		Complex z = new Complex(lr, li);
		Complex ez = Complex.exp(lr, li);
		Complex z3 = z.times(z).times(z);
		Complex q = Complex.exp(lr / 2, li / 2).minus(Complex.ONE).dividedBy(z);
		Complex f2 = new Complex(2 + lr, li).plus(ez.times(new Complex(-2 + lr, li))).dividedBy(z3);
		assertThat(k.q[0]).isCloseTo(q.re(), within(1e-13));
		assertThat(k.q[1]).isCloseTo(q.im(), within(1e-13));
		assertThat(k.f2[0]).isCloseTo(f2.re(), within(1e-13));
		assertThat(k.f2[1]).isCloseTo(f2.im(), within(1e-13));
	}

	@Test
	void twoDimensionalDiffusionIsExact() {
		SpectralGrid g = new SpectralGrid(16, 2 * Math.PI, 8, 2 * Math.PI);
		double nu = 0.2;
		double[] state = g.newArray();
		for (int i = 0; i < 16; i++) {
			for (int j = 0; j < 8; j++) {
				state[2 * (i * 8 + j)] = Math.sin(2 * Math.PI * i / 16) * Math.cos(2 * 2 * Math.PI * j / 8);
			}
		}
		double[] initial = state.clone();
		g.forward(state);
		Etdrk4 stepper = new Etdrk4(new double[][] { Symbols.diffusion(g, nu, 0) }, Nonlinearity.ZERO);
		stepper.advance(new double[][] { state }, 0.3, 5);
		g.inverse(state);
		double decay = Math.exp(-nu * 5 * 1.5);
		for (int p = 0; p < 16 * 8; p++) {
			assertThat(state[2 * p]).isCloseTo(decay * initial[2 * p], within(1e-13));
		}
	}

	@Test
	void burgersConvergesAtFourthOrder() {
		SpectralEquation burgers = Equations.byName("burgers");
		SimulationSettings s = SimulationSettings.oneDimensional(-8, 16, 64, new double[] { 0, 2 }, "gaussian");
		Map<String, Double> p = Map.of("nu", 0.1);
		double[] reference = last(SpectralSolver.solve(burgers, p, s.withTimeStep(0.0025)));
		double[] errors = new double[3];
		for (int i = 0; i < 3; i++) {
			double h = 0.2 / (1 << i);
			double[] u = last(SpectralSolver.solve(burgers, p, s.withTimeStep(h)));
			for (int j = 0; j < u.length; j++) {
				errors[i] = Math.max(errors[i], Math.abs(u[j] - reference[j]));
			}
		}
		assertThat(errors[0] / errors[1]).isBetween(12.0, 20.0);
		assertThat(errors[1] / errors[2]).isBetween(12.0, 20.0);
	}

	private static double[] last(SpectralSolver.Outcome outcome) {
		double[] all = outcome.fields()[0];
		return java.util.Arrays.copyOfRange(all, all.length / 2, all.length);
	}

}
