package io.physforge.core.derivative;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PolynomialFitTest extends DifferentiatorContractTest {

	@Override
	Differentiator create() {
		return new PolynomialFit();
	}

	@Override
	double periodicTolerance(int order) {
		// measured 2.7e-7, 8.4e-5, 5.7e-5, 1.2e-2 (window of 21 points, H = 0.98)
		return new double[] { 1e-6, 3e-4, 3e-4, 4e-2 }[order - 1];
	}

	/** {@code 1 - 2x + 0.5x^2 + 0.3x^3 - 0.1x^4 + 0.02x^5} and its derivatives. */
	static double quintic(double x, int m) {
		return TestSignals.polynomial(new double[] { 1, -2, 0.5, 0.3, -0.1, 0.02 }, x, m);
	}

	@Test
	void isExactForPolynomialsOfItsDegreeEverywhereOnANonUniformAxis() {
		Axis axis = FiniteDifferenceTest.stretched(40);
		double[] u = sample(axis, (x) -> quintic(x, 0));
		for (int m = 1; m <= 4; m++) {
			double[] du = new PolynomialFit().differentiate(Grid.of(axis), u, "x", m);
			int order = m;
			double[] expected = sample(axis, (x) -> quintic(x, order));
			assertThat(TestSignals.maxError(du, expected, 0)).as("order %d", m).isLessThan(1e-8);
		}
	}

	@Test
	void chebyshevAndMonomialBasesGiveTheSameEstimate() {
		Axis axis = FiniteDifferenceTest.stretched(60);
		double[] u = TestSignals.noisySine(axis, 0.05, 3);
		for (int m = 1; m <= 4; m++) {
			double[] cheb = new PolynomialFit(6, 7, PolynomialFit.Basis.CHEBYSHEV).differentiate(Grid.of(axis), u, "x",
					m);
			double[] mono = new PolynomialFit(6, 7, PolynomialFit.Basis.MONOMIAL).differentiate(Grid.of(axis), u, "x",
					m);
			for (int i = 0; i < u.length; i++) {
				assertThat(mono[i]).isCloseTo(cheb[i], within(1e-9 * (1 + Math.abs(cheb[i]))));
			}
		}
	}

	@Test
	void equalsSavitzkyGolayWithTheSameSettingsOnAUniformAxis() {
		Grid grid = periodicGrid("x", 100);
		double[] u = TestSignals.noisySine(grid.axis("x"), 0.1, 5);
		for (int m = 1; m <= 4; m++) {
			double[] poly = new PolynomialFit(4, 6).differentiate(grid, u, "x", m);
			double[] sg = new SavitzkyGolay(4, 6).differentiate(grid, u, "x", m);
			for (int i = 0; i < u.length; i++) {
				assertThat(poly[i]).isCloseTo(sg[i], within(1e-9 * (1 + Math.abs(sg[i]))));
			}
		}
	}

	@Test
	void isAccurateOnANonUniformAxis() {
		Axis axis = FiniteDifferenceTest.stretched(200);
		double[] u = sample(axis, (x) -> Math.sin(3 * x));
		double[] du = new PolynomialFit().differentiate(Grid.of(axis), u, "x", 1);
		double[] expected = sample(axis, (x) -> 3 * Math.cos(3 * x));
		// measured 2e-7 interior, 9e-6 at the ends
		assertThat(TestSignals.maxError(du, expected, 10)).isLessThan(5e-7);
		assertThat(TestSignals.maxError(du, expected, 0)).isLessThan(5e-5);
	}

	/**
	 * 1% noise on {@code sin x}, 401 points: measured RMS errors 0.080 (1st) and 1.5 (2nd
	 * derivative) against 0.44 and 93 for 4th-order finite differences.
	 */
	@Test
	void amplifiesNoiseMuchLessThanFiniteDifferences() {
		Axis axis = Axis.uniform("x", 0, 2 * Math.PI / 400, 401);
		Grid grid = Grid.of(axis);
		double[] u = TestSignals.noisySine(axis, 0.01, 42);
		double poly1 = TestSignals.rmsErrorVsSine(axis, new PolynomialFit().differentiate(grid, u, "x", 1), 1, 10);
		double fd1 = TestSignals.rmsErrorVsSine(axis, new FiniteDifference().differentiate(grid, u, "x", 1), 1, 10);
		double poly2 = TestSignals.rmsErrorVsSine(axis, new PolynomialFit().differentiate(grid, u, "x", 2), 2, 10);
		double fd2 = TestSignals.rmsErrorVsSine(axis, new FiniteDifference().differentiate(grid, u, "x", 2), 2, 10);
		assertThat(poly1).isLessThan(0.15).isLessThan(fd1 / 4);
		assertThat(poly2).isLessThan(3).isLessThan(fd2 / 20);
	}

	@Test
	void rejectsAnOrderAboveTheDegree() {
		Grid grid = periodicGrid("x", 50);
		assertThatThrownBy(() -> new PolynomialFit(2, 5).differentiate(grid, new double[50], "x", 3))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("degree at least 3");
	}

	@Test
	void rejectsAWindowTooSmallForTheDegree() {
		assertThatThrownBy(() -> new PolynomialFit(5, 2)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("half-width of at least 3");
		assertThatThrownBy(() -> new PolynomialFit(0, 5)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("degree");
	}

	@Test
	void unreliableEdgeIsTheHalfWidth() {
		assertThat(new PolynomialFit(3, 7).unreliableEdge(2)).isEqualTo(7);
	}

}
