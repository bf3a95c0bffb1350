package io.physforge.core.derivative;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

class DerivativesTest {

	/** {@code u(x, y) = sin(x) exp(y)} on x in [0, 2] (61 points), y in [0, 1] (51). */
	static final Grid GRID = Grid.of(Axis.uniform("x", 0, 2.0 / 60, 61), Axis.uniform("y", 0, 1.0 / 50, 51));

	static double[] field(java.util.function.DoubleBinaryOperator f) {
		double[] v = new double[GRID.size()];
		for (int i = 0; i < 61; i++) {
			for (int j = 0; j < 51; j++) {
				v[GRID.flatIndex(i, j)] = f.applyAsDouble(GRID.axis("x").at(i), GRID.axis("y").at(j));
			}
		}
		return v;
	}

	@Test
	void mixedDerivativesMatchAnalyticValues() {
		double[] u = field((x, y) -> Math.sin(x) * Math.exp(y));
		double[] uxy = Derivatives.mixed(new FiniteDifference(), GRID, u, Map.of("x", 1, "y", 1));
		double[] uxxy = Derivatives.mixed(new FiniteDifference(), GRID, u, Derivatives.ordersOf("xxy"));
		// measured 1.6e-6 and 4e-6 (4th order, h = 0.033 and 0.02)
		assertThat(TestSignals.maxError(uxy, field((x, y) -> Math.cos(x) * Math.exp(y)), 0)).isLessThan(1e-5);
		assertThat(TestSignals.maxError(uxxy, field((x, y) -> -Math.sin(x) * Math.exp(y)), 0)).isLessThan(2e-5);
	}

	@Test
	void theResultDoesNotDependOnTheOrderOfTheMap() {
		double[] u = field((x, y) -> Math.cos(3 * x + y * y));
		Map<String, Integer> xy = new LinkedHashMap<>();
		xy.put("x", 2);
		xy.put("y", 1);
		Map<String, Integer> yx = new LinkedHashMap<>();
		yx.put("y", 1);
		yx.put("x", 2);
		double[] a = Derivatives.mixed(new PolynomialFit(), GRID, u, xy);
		double[] b = Derivatives.mixed(new PolynomialFit(), GRID, u, yx);
		assertThat(a).containsExactly(b, within(0.0));
		// and differentiating by hand in the other axis order agrees to rounding
		Differentiator fd = new FiniteDifference();
		double[] manual = fd.differentiate(GRID, fd.differentiate(GRID, u, "y", 1), "x", 2);
		double[] composed = Derivatives.mixed(fd, GRID, u, xy);
		assertThat(TestSignals.maxError(composed, manual, 0)).isLessThan(1e-8);
	}

	@Test
	void spectralMixedDerivativeIsExactOnAPeriodicGrid() {
		int nx = 32;
		int ny = 24;
		Grid grid = Grid.of(Axis.uniform("x", 0, 2 * Math.PI / nx, nx), Axis.uniform("y", 0, 2 * Math.PI / ny, ny));
		double[] u = new double[grid.size()];
		double[] expected = new double[grid.size()];
		for (int i = 0; i < nx; i++) {
			for (int j = 0; j < ny; j++) {
				double x = grid.axis("x").at(i);
				double y = grid.axis("y").at(j);
				u[grid.flatIndex(i, j)] = Math.sin(x) * Math.cos(2 * y);
				expected[grid.flatIndex(i, j)] = -2 * Math.cos(x) * Math.sin(2 * y);
			}
		}
		double[] uxy = Derivatives.mixed(new Spectral(), grid, u, Map.of("x", 1, "y", 1));
		assertThat(TestSignals.maxError(uxy, expected, 0)).isLessThan(1e-13);
	}

	@Test
	void rejectsBadRequestsBeforeAnyWork() {
		double[] u = new double[GRID.size()];
		Differentiator fd = new FiniteDifference();
		assertThatThrownBy(() -> Derivatives.mixed(fd, GRID, u, Map.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("empty");
		assertThatThrownBy(() -> Derivatives.mixed(fd, GRID, u, Map.of("x", 1, "z", 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'z'")
			.hasMessageContaining("[x, y]");
		assertThatThrownBy(() -> Derivatives.mixed(fd, GRID, u, Map.of("x", 1, "y", 0)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("order 0 along axis 'y'");
		Map<String, Integer> nullOrder = new HashMap<>();
		nullOrder.put("x", null);
		assertThatThrownBy(() -> Derivatives.mixed(fd, GRID, u, nullOrder))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void parsesCanonicalSuffixes() {
		assertThat(Derivatives.ordersOf("xxy")).containsExactly(entry("x", 2), entry("y", 1));
		assertThat(Derivatives.ordersOf("t")).containsExactly(entry("t", 1));
		assertThatThrownBy(() -> Derivatives.ordersOf("")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Derivatives.ordersOf("x2")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'2'");
	}

	@Test
	void reportsUnreliableEdgesPerAxis() {
		assertThat(Derivatives.unreliableEdges(new FiniteDifference(), Map.of("x", 3, "y", 1)))
			.containsOnly(entry("x", 3), entry("y", 2));
	}

}
