package io.physforge.core.derivative;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpectralTest extends DifferentiatorContractTest {

	@Override
	Differentiator create() {
		return new Spectral();
	}

	@Override
	double periodicTolerance(int order) {
		// measured 1.6e-14, 8e-13, 4e-11, 2e-9: rounding amplified by (n/2)^m
		return new double[] { 1e-13, 1e-11, 5e-10, 2e-8 }[order - 1];
	}

	/** {@code d^m/dx^m (sin 3x + cos 5x)}. */
	static double bandLimited(double x, int m) {
		return Math.pow(3, m) * Math.sin(3 * x + m * Math.PI / 2) + Math.pow(5, m) * Math.cos(5 * x + m * Math.PI / 2);
	}

	/** Even and odd lengths use different packed FFT layouts; both must be exact. */
	@ParameterizedTest
	@ValueSource(ints = { 64, 63 })
	void isExactToRoundingForBandLimitedPeriodicData(int n) {
		Grid grid = periodicGrid("x", n);
		Axis axis = grid.axis("x");
		double[] u = sample(axis, (x) -> bandLimited(x, 0));
		for (int m = 1; m <= 4; m++) {
			int order = m;
			double[] du = new Spectral().differentiate(grid, u, "x", m);
			double[] expected = sample(axis, (x) -> bandLimited(x, order));
			// rounding level: FFT rounding (eps * max|u|) amplified by the top wavenumber
			// (n/2)^m; measured 7e-14 (m = 1) .. 1.3e-9 (m = 4), 5 to 20 times below
			double roundingLevel = 50 * Math.ulp(1.0) * Math.pow(n / 2, m) * 2;
			assertThat(TestSignals.maxError(du, expected, 0)).as("order %d", m).isLessThan(roundingLevel);
		}
	}

	@Test
	void convergesSpectrallyForSmoothPeriodicData() {
		Grid grid = periodicGrid("x", 64);
		Axis axis = grid.axis("x");
		double[] u = sample(axis, (x) -> Math.exp(Math.sin(x)));
		double[] du = new Spectral().differentiate(grid, u, "x", 1);
		double[] expected = sample(axis, (x) -> Math.cos(x) * Math.exp(Math.sin(x)));
		assertThat(TestSignals.maxError(du, expected, 0)).isLessThan(1e-12);
	}

	@Test
	void dealiasingRemovesModesAboveTwoThirdsOfNyquist() {
		Grid grid = periodicGrid("x", 64);
		Axis axis = grid.axis("x");
		double[] u = sample(axis, (x) -> Math.sin(x) + Math.sin(30 * x));
		double[] du = new Spectral(Spectral.Filter.DEALIAS).differentiate(grid, u, "x", 1);
		assertThat(TestSignals.maxError(du, sample(axis, Math::cos), 0)).isLessThan(1e-12);
	}

	@Test
	void filtersKeepLowModesAndDampNoise() {
		Grid grid = periodicGrid("x", 256);
		Axis axis = grid.axis("x");
		double[] clean = sample(axis, (x) -> bandLimited(x, 0));
		double[] du = new Spectral(Spectral.Filter.EXPONENTIAL).differentiate(grid, clean, "x", 2);
		assertThat(TestSignals.maxError(du, sample(axis, (x) -> bandLimited(x, 2)), 0)).isLessThan(1e-9);
		double[] noisy = TestSignals.noisySine(axis, 0.01, 9);
		double plain = TestSignals.rmsErrorVsSine(axis, new Spectral().differentiate(grid, noisy, "x", 1), 1, 0);
		double filtered = TestSignals.rmsErrorVsSine(axis,
				new Spectral(Spectral.Filter.EXPONENTIAL).differentiate(grid, noisy, "x", 1), 1, 0);
		double dealiased = TestSignals.rmsErrorVsSine(axis,
				new Spectral(Spectral.Filter.DEALIAS).differentiate(grid, noisy, "x", 1), 1, 0);
		// measured 0.43 and 0.25 against 0.53 unfiltered
		assertThat(filtered).isLessThan(0.9 * plain);
		assertThat(dealiased).isLessThan(0.6 * plain);
	}

	@Test
	void rejectsANonUniformAxis() {
		Axis axis = FiniteDifferenceTest.stretched(40);
		assertThatThrownBy(() -> new Spectral().differentiate(Grid.of(axis), new double[41], "x", 1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("axis 'x' is not uniformly spaced")
			.hasMessageContaining("'fd'");
	}

}
