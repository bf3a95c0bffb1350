package io.physforge.core.derivative;

import java.util.function.DoubleUnaryOperator;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FiniteDifferenceTest extends DifferentiatorContractTest {

	@Override
	Differentiator create() {
		return new FiniteDifference();
	}

	@Override
	double periodicTolerance(int order) {
		// measured 6e-8 .. 3.4e-7 for orders 1 to 4
		return 2e-6;
	}

	/** {@code f(x) = sin(x) + exp(x / 2)} and its derivatives: smooth, not periodic. */
	static double f(double x, int m) {
		return Math.sin(x + m * Math.PI / 2) + Math.pow(0.5, m) * Math.exp(x / 2);
	}

	@Test
	void fornbergReproducesClassicalStencils() {
		assertThat(FiniteDifference.weights(0, new double[] { -1, 0, 1 }, 2)).containsExactly(new double[] { 1, -2, 1 },
				within(1e-14));
		assertThat(FiniteDifference.weights(0, new double[] { -2, -1, 0, 1, 2 }, 1))
			.containsExactly(new double[] { 1.0 / 12, -2.0 / 3, 0, 2.0 / 3, -1.0 / 12 }, within(1e-14));
		assertThat(FiniteDifference.weights(0, new double[] { 0, 1, 2 }, 1))
			.containsExactly(new double[] { -1.5, 2, -0.5 }, within(1e-14));
		assertThat(FiniteDifference.weights(0, new double[] { -3, -2, -1, 0, 1, 2, 3 }, 4))
			.containsExactly(new double[] { -1.0 / 6, 2, -13.0 / 2, 28.0 / 3, -13.0 / 2, 2, -1.0 / 6 }, within(1e-12));
		// spacing 0.1: second derivative weights scale by 1/h^2
		assertThat(FiniteDifference.weights(0.1, new double[] { 0, 0.1, 0.2 }, 2))
			.containsExactly(new double[] { 100, -200, 100 }, within(1e-9));
	}

	@Test
	void nonUniformWeightsAreExactForPolynomials() {
		double[] nodes = { 0, 0.1, 0.35, 0.4, 0.9 };
		double[] w = FiniteDifference.weights(0.3, nodes, 2);
		// exact second derivative of x^4 at 0.3: 12 x^2
		double sum = 0;
		for (int k = 0; k < nodes.length; k++) {
			sum += w[k] * Math.pow(nodes[k], 4);
		}
		assertThat(sum).isCloseTo(12 * 0.09, within(1e-11));
	}

	/**
	 * Observed order {@code log2(e(h) / e(h/2))} of the maximum error, in the interior
	 * (central stencils) and at the boundary points (one-sided stencils), on
	 * {@code [0, 2]}. Measured: within 0.1 of nominal for p = 2 and 4, within 0.45 for p
	 * = 6 (pre-asymptotic at N = 10).
	 */
	@ParameterizedTest
	@CsvSource({ "2,1,20", "2,2,20", "2,3,20", "2,4,20", "4,1,20", "4,2,20", "4,3,20", "4,4,20", "6,1,10", "6,2,10",
			"6,3,10", "6,4,10" })
	void convergesAtTheNominalOrderInTheInteriorAndAtTheBoundary(int accuracy, int order, int intervals) {
		FiniteDifference fd = new FiniteDifference(accuracy);
		double[] coarse = errors(fd, order, uniform(intervals));
		double[] fine = errors(fd, order, uniform(2 * intervals));
		double interiorRate = Math.log(coarse[0] / fine[0]) / Math.log(2);
		double boundaryRate = Math.log(coarse[1] / fine[1]) / Math.log(2);
		assertThat(interiorRate).as("interior rate").isCloseTo(accuracy, within(0.5));
		assertThat(boundaryRate).as("boundary rate").isCloseTo(accuracy, within(0.5));
	}

	@Test
	void fourthOrderErrorsOnExpMatchTheDocumentedValues() {
		Axis axis = Axis.uniform("x", 0, 0.01, 201);
		double[] u = sample(axis, Math::exp);
		double[] du = new FiniteDifference().differentiate(Grid.of(axis), u, "x", 1);
		double interior = 0;
		double boundary = 0;
		for (int i = 0; i < 201; i++) {
			double e = Math.abs(du[i] - Math.exp(axis.at(i)));
			if (i < 2 || i > 198) {
				boundary = Math.max(boundary, e);
			}
			else {
				interior = Math.max(interior, e);
			}
		}
		assertThat(interior).isLessThan(5e-9);
		assertThat(boundary).isLessThan(5e-8);
	}

	@ParameterizedTest
	@CsvSource({ "1", "2", "3", "4" })
	void convergesAtTheNominalOrderOnANonUniformAxis(int order) {
		FiniteDifference fd = new FiniteDifference(4);
		double[] coarse = errors(fd, order, stretched(20));
		double[] fine = errors(fd, order, stretched(40));
		double rate = Math.log(Math.max(coarse[0], coarse[1]) / Math.max(fine[0], fine[1])) / Math.log(2);
		// measured 3.96, 4.28, 3.90, 4.69: at least the nominal order
		assertThat(rate).isBetween(3.5, 5.0);
	}

	@Test
	void nonUniformAxisMatchesNaivePerPointFornberg() {
		Axis axis = stretched(30);
		double[] x = axis.values();
		double[] u = sample(axis, (v) -> f(v, 0));
		double[] du = new FiniteDifference(4).differentiate(Grid.of(axis), u, "x", 2);
		for (int i = 0; i < x.length; i++) {
			int start = Math.max(0, Math.min(i - 2, x.length - 6));
			double[] nodes = java.util.Arrays.copyOfRange(x, start, start + 6);
			double[] w = FiniteDifference.weights(x[i], nodes, 2);
			double expected = 0;
			for (int k = 0; k < 6; k++) {
				expected += w[k] * u[start + k];
			}
			assertThat(du[i]).isCloseTo(expected, within(1e-9));
		}
	}

	/**
	 * An axis too long to tabulate its weights (850001 x 5 weights is over the table
	 * limit of 2^22, so rows are computed on the fly).
	 */
	@Test
	void longNonUniformAxisIsDifferentiatedAccurately() {
		int n = 850_001;
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			double s = (double) i / (n - 1);
			x[i] = 2 * s + 0.3 * s * s;
		}
		Axis axis = new Axis("x", x);
		double[] u = sample(axis, Math::sin);
		double[] du = new FiniteDifference().differentiate(Grid.of(axis), u, "x", 1);
		double max = 0;
		for (int i = 0; i < n; i += 7) {
			max = Math.max(max, Math.abs(du[i] - Math.cos(x[i])));
		}
		assertThat(max).isLessThan(1e-8);
	}

	@Test
	void rejectsOddOrOutOfRangeAccuracy() {
		for (int p : new int[] { 0, 3, 10 }) {
			assertThatThrownBy(() -> new FiniteDifference(p)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("even order from 2 to 8");
		}
	}

	@Test
	void rejectsTooFewPointsForTheStencil() {
		Grid grid = Grid.of(Axis.uniform("x", 0, 0.1, 5));
		assertThatThrownBy(() -> new FiniteDifference(4).differentiate(grid, new double[5], "x", 2))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("needs at least 6");
		assertThat(new FiniteDifference(2).differentiate(grid, new double[5], "x", 2)).hasSize(5);
	}

	@Test
	void unreliableEdgeIsTheCentralHalfWidth() {
		FiniteDifference fd = new FiniteDifference(4);
		assertThat(new int[] { fd.unreliableEdge(1), fd.unreliableEdge(2), fd.unreliableEdge(3), fd.unreliableEdge(4) })
			.containsExactly(2, 2, 3, 3);
	}

	static Axis uniform(int intervals) {
		return Axis.uniform("x", 0, 2.0 / intervals, intervals + 1);
	}

	/**
	 * Smoothly stretched axis on {@code [0, 2]}: {@code x = 2 s + 0.4 sin(pi s) / pi}.
	 */
	static Axis stretched(int intervals) {
		double[] x = new double[intervals + 1];
		for (int i = 0; i <= intervals; i++) {
			double s = (double) i / intervals;
			x[i] = 2 * s + 0.4 * Math.sin(Math.PI * s) / Math.PI;
		}
		return new Axis("x", x);
	}

	/** {interior max error, boundary max error} of the order-th derivative of f. */
	static double[] errors(FiniteDifference fd, int order, Axis axis) {
		DoubleUnaryOperator g = (v) -> f(v, 0);
		double[] u = sample(axis, g);
		double[] du = fd.differentiate(Grid.of(axis), u, "x", order);
		int edge = fd.unreliableEdge(order);
		int n = axis.size();
		double interior = 0;
		double boundary = 0;
		for (int i = 0; i < n; i++) {
			double e = Math.abs(du[i] - f(axis.at(i), order));
			if (i < edge || i >= n - edge) {
				boundary = Math.max(boundary, e);
			}
			else {
				interior = Math.max(interior, e);
			}
		}
		return new double[] { interior, boundary };
	}

}
