package io.physforge.pinn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.physforge.pinn.internal.Normalisation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forward-mode (Taylor) derivatives of the network graph against central finite
 * differences of the network itself, for pure derivatives up to order 4 and mixed ones.
 */
class PinnModelDerivativesTest {

	static PinnModel randomModel(List<String> inputs, long seed) {
		Random r = new Random(seed);
		int[] widths = { inputs.size(), 16, 16, 1 };
		List<double[][]> weights = new ArrayList<>();
		for (int l = 0; l + 1 < widths.length; l++) {
			double[][] w = new double[widths[l]][widths[l + 1]];
			for (double[] row : w) {
				for (int j = 0; j < row.length; j++) {
					row[j] = r.nextGaussian() * 0.8;
				}
			}
			double[][] b = new double[1][widths[l + 1]];
			for (int j = 0; j < widths[l + 1]; j++) {
				b[0][j] = r.nextGaussian() * 0.1;
			}
			weights.add(w);
			weights.add(b);
		}
		int d = inputs.size();
		double[] center = new double[d];
		double[] half = new double[d];
		for (int k = 0; k < d; k++) {
			center[k] = 0.3 * k;
			half[k] = 1.5 + k;
		}
		Normalisation n = new Normalisation(center, half, new double[] { 0.2 }, new double[] { 1.7 });
		return new PinnModel(inputs, List.of("u"), List.of(16, 16), "tanh", n, weights, Map.of(), null, Map.of());
	}

	@Test
	void pureDerivativesMatchFiniteDifferences() {
		PinnModel model = randomModel(List.of("t", "x"), 1);
		double[][] p = { { 0.4, -0.7 }, { -1.1, 0.9 }, { 0.05, 0.3 } };
		Map<String, double[]> got = model.evaluate(List.of("u", "u_t", "u_x", "u_xx", "u_xxx", "u_xxxx"), p);
		double h = 1e-2;
		for (int i = 0; i < p.length; i++) {
			double[] f = new double[9];
			for (int s = -4; s <= 4; s++) {
				f[s + 4] = model.evaluate(List.of("u"), new double[][] { { p[i][0], p[i][1] + s * h } }).get("u")[0];
			}
			double d1 = (f[2] - 8 * f[3] + 8 * f[5] - f[6]) / (12 * h);
			double d2 = (-f[2] + 16 * f[3] - 30 * f[4] + 16 * f[5] - f[6]) / (12 * h * h);
			double d3 = (f[1] - 8 * f[2] + 13 * f[3] - 13 * f[5] + 8 * f[6] - f[7]) / (8 * h * h * h);
			double d4 = (-f[1] + 12 * f[2] - 39 * f[3] + 56 * f[4] - 39 * f[5] + 12 * f[6] - f[7])
					/ (6 * h * h * h * h);
			assertThat(got.get("u")[i]).isCloseTo(f[4], org.assertj.core.api.Assertions.within(1e-12));
			assertThat(got.get("u_x")[i]).isCloseTo(d1, org.assertj.core.api.Assertions.within(1e-6));
			assertThat(got.get("u_xx")[i]).isCloseTo(d2, org.assertj.core.api.Assertions.within(1e-6));
			assertThat(got.get("u_xxx")[i]).isCloseTo(d3, org.assertj.core.api.Assertions.within(1e-4));
			assertThat(got.get("u_xxxx")[i]).isCloseTo(d4, org.assertj.core.api.Assertions.within(1e-3));
			double[] g = new double[5];
			for (int s = -2; s <= 2; s++) {
				g[s + 2] = model.evaluate(List.of("u"), new double[][] { { p[i][0] + s * h, p[i][1] } }).get("u")[0];
			}
			double dt = (g[0] - 8 * g[1] + 8 * g[3] - g[4]) / (12 * h);
			assertThat(got.get("u_t")[i]).isCloseTo(dt, org.assertj.core.api.Assertions.within(1e-6));
		}
	}

	@Test
	void mixedDerivativesMatchFiniteDifferences() {
		PinnModel model = randomModel(List.of("t", "x", "y"), 2);
		double[][] p = { { 0.4, -0.7, 0.2 }, { -1.1, 0.9, -0.4 } };
		Map<String, double[]> got = model.evaluate(List.of("u_xy", "u_xxy", "u_xyy"), p);
		double h = 1e-3;
		for (int i = 0; i < p.length; i++) {
			double[][] g = new double[3][3];
			for (int a = -1; a <= 1; a++) {
				for (int b = -1; b <= 1; b++) {
					g[a + 1][b + 1] = model
						.evaluate(List.of("u"), new double[][] { { p[i][0], p[i][1] + a * h, p[i][2] + b * h } })
						.get("u")[0];
				}
			}
			double uxy = (g[2][2] - g[2][0] - g[0][2] + g[0][0]) / (4 * h * h);
			double uxxy = ((g[2][2] - 2 * g[1][2] + g[0][2]) - (g[2][0] - 2 * g[1][0] + g[0][0])) / (2 * h * h * h);
			double uxyy = ((g[2][2] - 2 * g[2][1] + g[2][0]) - (g[0][2] - 2 * g[0][1] + g[0][0])) / (2 * h * h * h);
			assertThat(got.get("u_xy")[i]).isCloseTo(uxy, org.assertj.core.api.Assertions.within(1e-5));
			assertThat(got.get("u_xxy")[i]).isCloseTo(uxxy, org.assertj.core.api.Assertions.within(1e-3));
			assertThat(got.get("u_xyy")[i]).isCloseTo(uxyy, org.assertj.core.api.Assertions.within(1e-3));
		}
	}

}
