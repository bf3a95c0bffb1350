package io.physforge.core.regression;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Every sparse regressor against exact synthetic data {@code y = X w} with a known sparse
 * {@code w} on correlated, badly scaled columns, and against noisy data.
 */
class SparseRegressionTest {

	private static final int ROWS = 4000;

	private static final int COLS = 20;

	/** Columns: polynomials of a smooth signal (correlated), scaled over 6 decades. */
	private static double[][] library(long seed) {
		Random r = new Random(seed);
		double[][] x = new double[COLS][ROWS];
		for (int i = 0; i < ROWS; i++) {
			double s = Math.sin(0.01 * i) + 0.3 * r.nextGaussian();
			for (int j = 0; j < COLS; j++) {
				x[j][i] = scale(j) * (Math.pow(s, j % 4) + 0.5 * r.nextGaussian());
			}
		}
		return x;
	}

	private static double[] truth() {
		double[] w = new double[COLS];
		// each term carries an O(1) share of the target although the columns' scales
		// differ
		w[2] = -1.5 / scale(2);
		w[5] = 1.0 / scale(5);
		w[13] = 3.0 / scale(13);
		return w;
	}

	private static double scale(int j) {
		return Math.pow(10, (j % 7) - 3);
	}

	private static double[] times(double[][] x, double[] w) {
		double[] y = new double[ROWS];
		for (int j = 0; j < COLS; j++) {
			for (int i = 0; i < ROWS; i++) {
				y[i] += w[j] * x[j][i];
			}
		}
		return y;
	}

	private static List<SparseRegressor> regressors() {
		return List.of(new Stlsq(0.01, 10), new StRidge(1e-5, 0.01, 10), TrainStRidge.withSeed(3));
	}

	@Test
	void recoverExactSparseModels() {
		double[][] x = library(1);
		double[] w = truth();
		double[] y = times(x, w);
		for (SparseRegressor reg : regressors()) {
			double[] c = reg.fit(x, y).coefficients();
			for (int j = 0; j < COLS; j++) {
				if (w[j] == 0) {
					assertThat(c[j]).as(reg.name() + " column " + j).isZero();
				}
				else {
					assertThat(c[j]).as(reg.name() + " column " + j).isCloseTo(w[j], within(1e-9 * Math.abs(w[j])));
				}
			}
		}
	}

	@Test
	void recoverSupportUnderNoiseWithSeveralTargets() {
		double[][] x = library(2);
		double[] w = truth();
		double[] w2 = new double[COLS];
		w2[0] = 2.0 / scale(0);
		w2[7] = -0.5 / scale(7);
		double[] y = times(x, w);
		double[] y2 = times(x, w2);
		Random r = new Random(5);
		double sd = 0;
		for (double v : y) {
			sd += v * v;
		}
		sd = Math.sqrt(sd / ROWS);
		for (int i = 0; i < ROWS; i++) {
			y[i] += 0.01 * sd * r.nextGaussian();
		}
		List<SparseFit> fits = TrainStRidge.withSeed(0).fit(x, List.of(y, y2));
		assertThat(fits.get(0).nonZeros()).isEqualTo(3);
		assertThat(fits.get(0).coefficients()[13]).isCloseTo(w[13], within(0.01 * Math.abs(w[13])));
		assertThat(fits.get(1).nonZeros()).isEqualTo(2);
		assertThat(fits.get(1).coefficients()[7]).isCloseTo(w2[7], within(1e-9 * Math.abs(w2[7])));
		assertThat(fits.get(0).details()).containsKeys("candidate", "testResidual", "trainRows", "testRows");
	}

	@Test
	void leastSquaresAndRidgeMatchNormalEquationsOnSmallProblem() {
		double[][] x = { { 1, 1, 1, 1 }, { 0, 1, 2, 3 } };
		double[] y = { 1, 3, 5, 7.5 };
		double[] c = LeastSquares.solve(x, y);
		// closed form for a line fit
		assertThat(c[0]).isCloseTo(0.9, within(1e-12));
		assertThat(c[1]).isCloseTo(2.15, within(1e-12));
		double[] ridge = LeastSquares.ridge(x, y, 1e-12);
		assertThat(ridge[1]).isCloseTo(2.15, within(1e-6));
		double[] strong = LeastSquares.ridge(x, y, 10);
		assertThat(Math.abs(strong[1])).isLessThan(Math.abs(c[1]));
	}

	@Test
	void rejectsRaggedOrNonFiniteInput() {
		double[][] x = { { 1, 2, 3 }, { 1, 2 } };
		assertThatIllegalArgumentException().isThrownBy(() -> new Stlsq(0.1, 10).fit(x, new double[] { 1, 2, 3 }))
			.withMessageContaining("library column 1 has 2 rows");
		double[][] ok = { { 1, 2, 3 } };
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Stlsq(0.1, 10).fit(ok, new double[] { 1, Double.NaN, 3 }))
			.withMessageContaining("non-finite");
		assertThatIllegalArgumentException().isThrownBy(() -> new StRidge(-1, 0.1, 10)).withMessageContaining("lambda");
	}

}
