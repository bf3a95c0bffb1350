package io.physforge.core.derivative;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@link Differentiator} contract, run against every implementation by subclassing
 * (in the style of commons-math's {@code RealTransformerAbstractTest}).
 */
abstract class DifferentiatorContractTest {

	/** The implementation under test, default settings. */
	abstract Differentiator create();

	/**
	 * Allowed maximum error, away from {@link Differentiator#unreliableEdge}, for the
	 * {@code order}-th derivative of {@code sin(x)} on 128 points of {@code [0, 2 pi)}.
	 */
	abstract double periodicTolerance(int order);

	static final int N = 128;

	static Grid periodicGrid(String name, int n) {
		return Grid.of(Axis.uniform(name, 0, 2 * Math.PI / n, n));
	}

	static double[] sample(Axis axis, java.util.function.DoubleUnaryOperator f) {
		double[] v = new double[axis.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = f.applyAsDouble(axis.at(i));
		}
		return v;
	}

	/** {@code d^m/dx^m sin(x)}. */
	static double sinDerivative(double x, int m) {
		return Math.sin(x + m * Math.PI / 2);
	}

	@Test
	void derivativesOfSineMatchAnalyticAwayFromEdges() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", N);
		double[] u = sample(grid.axis("x"), Math::sin);
		for (int m = 1; m <= 4; m++) {
			double[] du = d.differentiate(grid, u, "x", m);
			int edge = d.unreliableEdge(m);
			double max = 0;
			for (int i = edge; i < N - edge; i++) {
				max = Math.max(max, Math.abs(du[i] - sinDerivative(grid.axis("x").at(i), m)));
			}
			assertThat(max).as("%s order %d max error", d, m).isLessThan(periodicTolerance(m));
		}
	}

	@Test
	void returnsNewFullSizeArrayAndLeavesInputUnchanged() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", N);
		double[] u = sample(grid.axis("x"), (x) -> Math.cos(2 * x));
		double[] copy = u.clone();
		double[] du = d.differentiate(grid, u, "x", 2);
		assertThat(du).hasSize(N).isNotSameAs(u);
		assertThat(u).containsExactly(copy);
	}

	@Test
	void isLinear() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", N);
		Random random = new Random(7);
		double[] a = new double[N];
		double[] b = new double[N];
		double[] combo = new double[N];
		for (int i = 0; i < N; i++) {
			a[i] = random.nextGaussian();
			b[i] = random.nextGaussian();
			combo[i] = 2 * a[i] - 3 * b[i];
		}
		for (int m = 1; m <= 4; m++) {
			double[] da = d.differentiate(grid, a, "x", m);
			double[] db = d.differentiate(grid, b, "x", m);
			double[] dc = d.differentiate(grid, combo, "x", m);
			double scale = 0;
			for (int i = 0; i < N; i++) {
				scale = Math.max(scale, Math.abs(dc[i]));
			}
			for (int i = 0; i < N; i++) {
				assertThat(dc[i]).isCloseTo(2 * da[i] - 3 * db[i], within(1e-12 * scale));
			}
		}
	}

	@Test
	void constantHasZeroDerivative() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", N);
		double[] u = new double[N];
		Arrays.fill(u, 3.5);
		for (int m = 1; m <= 4; m++) {
			double[] du = d.differentiate(grid, u, "x", m);
			double tol = 1e-9 * Math.pow(N / (2 * Math.PI), m);
			for (double v : du) {
				assertThat(Math.abs(v)).as("order %d", m).isLessThan(tol);
			}
		}
	}

	/**
	 * A 3-D field differentiated along each axis equals the 1-D derivative of each line:
	 * checks the walk over outer and inner indices for first, middle and last axes.
	 */
	@Test
	void everyLineOfAMultiDimensionalFieldIsDifferentiatedLikeA1DField() {
		Differentiator d = create();
		int[] n = { 24, 32, 28 };
		String[] names = { "t", "x", "y" };
		Axis[] axes = new Axis[3];
		for (int k = 0; k < 3; k++) {
			axes[k] = Axis.uniform(names[k], 0, 2 * Math.PI / n[k], n[k]);
		}
		Grid grid = Grid.of(axes);
		Random random = new Random(11);
		double[] u = new double[grid.size()];
		for (int i = 0; i < u.length; i++) {
			u[i] = random.nextGaussian();
		}
		for (int dim = 0; dim < 3; dim++) {
			double[] du = d.differentiate(grid, u, names[dim], 3);
			Grid line = Grid.of(axes[dim]);
			int[] idx = new int[3];
			for (int a = 0; a < n[(dim + 1) % 3]; a += 5) {
				for (int b = 0; b < n[(dim + 2) % 3]; b += 7) {
					double[] values = new double[n[dim]];
					idx[(dim + 1) % 3] = a;
					idx[(dim + 2) % 3] = b;
					for (int i = 0; i < n[dim]; i++) {
						idx[dim] = i;
						values[i] = u[grid.flatIndex(idx)];
					}
					double[] expected = d.differentiate(line, values, names[dim], 3);
					for (int i = 0; i < n[dim]; i++) {
						idx[dim] = i;
						assertThat(du[grid.flatIndex(idx)]).isCloseTo(expected[i],
								within(1e-9 * (1 + Math.abs(expected[i]))));
					}
				}
			}
		}
	}

	@Test
	void rejectsUnsupportedOrders() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", N);
		double[] u = new double[N];
		for (int order : new int[] { 0, 5, -1 }) {
			assertThatThrownBy(() -> d.differentiate(grid, u, "x", order)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("order " + order)
				.hasMessageContaining("1 to 4");
			assertThatThrownBy(() -> d.unreliableEdge(order)).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void rejectsUnknownAxisNamingTheKnownOnes() {
		Differentiator d = create();
		Grid grid = Grid.of(Axis.uniform("t", 0, 0.1, 16), Axis.uniform("x", 0, 0.1, 16));
		assertThatThrownBy(() -> d.differentiate(grid, new double[256], "y", 1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'y'")
			.hasMessageContaining("[t, x]");
	}

	@Test
	void rejectsValuesOfTheWrongLength() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", N);
		assertThatThrownBy(() -> d.differentiate(grid, new double[N - 1], "x", 1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(Integer.toString(N - 1))
			.hasMessageContaining(Integer.toString(N));
	}

	@Test
	void rejectsNullArguments() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", N);
		assertThatThrownBy(() -> d.differentiate(null, new double[N], "x", 1)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> d.differentiate(grid, null, "x", 1)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> d.differentiate(grid, new double[N], null, 1))
			.isInstanceOf(NullPointerException.class);
	}

	@Test
	void rejectsAnAxisTooShortForTheMethod() {
		Differentiator d = create();
		Grid grid = periodicGrid("x", 3);
		assertThatThrownBy(() -> d.differentiate(grid, new double[3], "x", 2))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("axis 'x' has 3 points");
	}

	@Test
	void unreliableEdgeIsSmallAndNonNegative() {
		Differentiator d = create();
		for (int m = 1; m <= 4; m++) {
			assertThat(d.unreliableEdge(m)).isBetween(0, 20);
		}
	}

	@Test
	void nameAndSettingsRebuildAnEqualDifferentiator() {
		Differentiator d = create();
		assertThat(Differentiators.names()).contains(d.name());
		Map<String, String> settings = d.settings();
		assertThat(Differentiators.byName(d.name(), settings)).isEqualTo(d);
		assertThat(Differentiators.byName(d.name())).isEqualTo(d);
	}

}
