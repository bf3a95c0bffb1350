package io.physforge.core.weak.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link Wendy}'s two covariance forms agree where they must: with constant slopes
 * (columns linear in the field) the point-by-point sums ({@code PairTerms.exact}: reduce
 * {@code h_a h_b} along the spatial axis per centre and offset, then along time per pair
 * of rows) equal the products of 1-D kernel correlations of the row-mean form, so the
 * whole reweighted fit, its standard errors, chi-square and log-determinant coincide. A
 * slope that varies in space changes the covariance, so the fits then differ.
 */
class WendyTest {

	private static final int NT = 40;

	private static final int NX = 48;

	@Test
	void pointSumsEqualKernelCorrelationsForConstantSlopes() {
		Wendy.Result rowMean = fit(false, false);
		Wendy.Result point = fit(true, false);
		assertThat(rowMean).isNotNull();
		assertThat(point).isNotNull();
		for (int j = 0; j < 2; j++) {
			assertThat(point.coefficients()[j]).isCloseTo(rowMean.coefficients()[j], within(1e-10));
			assertThat(point.standardErrors()[j]).isCloseTo(rowMean.standardErrors()[j],
					within(1e-9 * rowMean.standardErrors()[j]));
		}
		assertThat(point.chiSquare()).isCloseTo(rowMean.chiSquare(), within(1e-9));
		assertThat(point.logDetCovariance()).isCloseTo(rowMean.logDetCovariance(), within(1e-6));
		assertThat(point.rows()).isEqualTo(rowMean.rows());
	}

	@Test
	void varyingSlopesChangeTheCovariance() {
		Wendy.Result constant = fit(true, false);
		Wendy.Result varying = fit(true, true);
		assertThat(varying).isNotNull();
		assertThat(Math.abs(varying.logDetCovariance() - constant.logDetCovariance())).isGreaterThan(1.0);
	}

	/**
	 * Two columns, {@code u_xx}- and {@code u_x}-like kernels, on a 40 x 48 grid with
	 * bumps of half-width 6 (time) and 8 (space); random columns and
	 * {@code b = G w + noise}.
	 * @param points give the slopes point by point (else row means)
	 * @param varying the first column's slope varies in space (point form only)
	 */
	private static Wendy.Result fit(boolean points, boolean varying) {
		double h = 0.1;
		int[] m = { 6, 8 };
		int p = 8;
		double[][][] kernels = new double[2][3][];
		for (int d = 0; d < 2; d++) {
			for (int k = 0; k < 3; k++) {
				kernels[d][k] = Bump.kernel(m[d], p, k, h);
			}
		}
		int[][] centres = { range(m[0], NT - 1 - m[0], 2), range(m[1], NX - 1 - m[1], 3) };
		int rows = centres[0].length * centres[1].length;
		int[][] derivatives = { { 0, 2 }, { 0, 1 } };
		double[] signs = { 1, -1 };
		double[][][] slopes = new double[2][1][];
		double[][][] pointSlopes = points ? new double[2][1][] : null;
		for (int j = 0; j < 2; j++) {
			slopes[j][0] = new double[rows];
			Arrays.fill(slopes[j][0], 1.0);
			if (points) {
				pointSlopes[j][0] = new double[NT * NX];
				for (int i = 0; i < NT * NX; i++) {
					pointSlopes[j][0][i] = (varying && j == 0) ? 1 + 0.8 * Math.sin(0.3 * (i % NX)) : 1.0;
				}
			}
		}
		Wendy.Model model = new Wendy.Model(kernels, centres, 0, derivatives, signs, slopes, new double[] { 0.01 }, 0,
				pointSlopes, new int[] { NT, NX });
		SplittableRandom random = new SplittableRandom(7);
		double[][] g = new double[2][rows];
		double[] b = new double[rows];
		double[] w = { 0.5, -1.5 };
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < 2; j++) {
				g[j][i] = random.nextGaussian();
				b[i] += w[j] * g[j][i];
			}
			b[i] += 0.01 * random.nextGaussian();
		}
		return Wendy.fit(g, b, new double[] { 0.49, -1.49 }, model, 600);
	}

	private static int[] range(int from, int to, int step) {
		int n = (to - from) / step + 1;
		int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			out[i] = from + i * step;
		}
		return out;
	}

}
