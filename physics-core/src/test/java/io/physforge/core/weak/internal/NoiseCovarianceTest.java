package io.physforge.core.weak.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NoiseCovariance} against Monte Carlo: weak columns {@code sum_x K_j He_p(u + e)}
 * of a smooth field under 20 000 draws of Gaussian noise; the summed row covariances
 * {@code sum_r Cov(G_j(r), G_l(r))} agree with the formula within 5% (the Monte Carlo
 * error is about 2%), for linear, quadratic and cubic monomials, with and without spatial
 * derivatives.
 */
class NoiseCovarianceTest {

	@Test
	void matchesMonteCarlo() {
		int nt = 15;
		int nx = 17;
		int[] shape = { nt, nx };
		double[] u = new double[nt * nx];
		for (int i = 0; i < nt; i++) {
			for (int j = 0; j < nx; j++) {
				u[i * nx + j] = 0.8 + 0.5 * Math.sin(0.3 * i + 0.4 * j);
			}
		}
		double s2 = 0.09;
		int m = 5;
		int p = 6;
		double[][][] kernels = new double[2][][];
		for (int d = 0; d < 2; d++) {
			kernels[d] = new double[3][];
			for (int k = 0; k < 3; k++) {
				kernels[d][k] = Bump.kernel(m, p, k, 0.1);
			}
		}
		int[][] centres = { { 5, 7, 9 }, { 5, 8, 11 } };
		int[][] powers = { { 1 }, { 2 }, { 3 }, { 2 } };
		int[][] derivatives = { { 0, 2 }, { 0, 1 }, { 0, 0 }, { 0, 0 } };
		double[] signs = { 1, 1, 1, 1 };
		int k = powers.length;
		int rows = 9;
		// the formula evaluated on noisy data (its Hermite estimates are unbiased there,
		// not on the clean field), averaged over 200 draws
		double[][] formulaSum = new double[k][k];
		SplittableRandom estimates = new SplittableRandom(11);
		int estimateDraws = 200;
		for (int n = 0; n < estimateDraws; n++) {
			double[] x = new double[u.length];
			for (int i = 0; i < u.length; i++) {
				x[i] = u[i] + Math.sqrt(s2) * estimates.nextGaussian();
			}
			NoiseCovariance cov = NoiseCovariance.of(List.of(x), new double[] { s2 }, shape, 0, powers, derivatives,
					signs, kernels, centres, Map.of("u_t", 0));
			for (int j = 0; j < k; j++) {
				for (int l = j; l < k; l++) {
					for (int r = 0; r < rows; r++) {
						formulaSum[j][l] += cov.gg(j, l)[r] / estimateDraws;
					}
				}
			}
		}
		int draws = 20_000;
		double[][] sum = new double[k][rows];
		double[][][] prod = new double[k][k][rows];
		SplittableRandom random = new SplittableRandom(7);
		double[] noisy = new double[u.length];
		for (int n = 0; n < draws; n++) {
			for (int i = 0; i < u.length; i++) {
				noisy[i] = u[i] + Math.sqrt(s2) * random.nextGaussian();
			}
			double[][] col = new double[k][];
			for (int j = 0; j < k; j++) {
				double[] h = NoiseCovariance.hermite(List.of(noisy), 0, powers[j][0], s2, new HashMap<>());
				int[] sh = shape.clone();
				double[] r = Integrals.reduce(h, sh, 0, kernels[0][0], centres[0]);
				col[j] = Integrals.reduce(r, sh, 1, kernels[1][derivatives[j][1]], centres[1]);
			}
			for (int j = 0; j < k; j++) {
				for (int r = 0; r < rows; r++) {
					sum[j][r] += col[j][r];
					for (int l = 0; l < k; l++) {
						prod[j][l][r] += col[j][r] * col[l][r];
					}
				}
			}
		}
		double[] variance = new double[k];
		for (int j = 0; j < k; j++) {
			for (int r = 0; r < rows; r++) {
				variance[j] += prod[j][j][r] / draws - (sum[j][r] / draws) * (sum[j][r] / draws);
			}
		}
		for (int j = 0; j < k; j++) {
			for (int l = j; l < k; l++) {
				double empirical = 0;
				double formula = formulaSum[j][l];
				for (int r = 0; r < rows; r++) {
					empirical += prod[j][l][r] / draws - (sum[j][r] / draws) * (sum[l][r] / draws);
				}
				assertThat(formula).as("S_GG[" + j + "][" + l + "]")
					.isCloseTo(empirical,
							org.assertj.core.data.Offset.offset(0.03 * Math.sqrt(variance[j] * variance[l])));
			}
		}
	}

}
