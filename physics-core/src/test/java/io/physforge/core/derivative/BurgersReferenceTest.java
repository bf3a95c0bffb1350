package io.physforge.core.derivative;

import java.util.Random;

import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derivatives of PDE-FIND's Burgers data ({@code u_t = -u u_x + 0.1 u_xx}, 101 x 256
 * points, {@code shared/datasets/pde-find/burgers.csv}): a least-squares fit of
 * {@code u_t} on {@code u*u_x} and {@code u_xx} recovers the true coefficients only when
 * all three derivatives are accurate.
 *
 * <p>
 * Measured coefficient errors ({@code u*u_x}, relative {@code u_xx}): clean data fd
 * 1.3e-5 / below 5e-5, fd in t with spectral in x 9e-6 / 1e-4, sg 1.2e-3 / 5.7e-3, poly
 * 3.0e-3 / 3.4e-2 (its default 21-point window smooths the coarse t axis); with 1% noise
 * poly 3.9e-3 / 2.7e-2, sg 8.3e-3 / 6.8e-2, fd 0.11 / 0.97.
 */
class BurgersReferenceTest {

	static Field burgers;

	@BeforeAll
	static void load() {
		burgers = DataSets.read(ReferenceData.pdeFind("burgers.csv"));
	}

	@ParameterizedTest
	@CsvSource({ "fd, fd, 0.0, 1e-4", "fd, spectral, 0.0, 5e-4", "sg, sg, 0.0, 0.01", "poly, poly, 0.0, 0.05",
			"poly, poly, 0.01, 0.05", "sg, sg, 0.01, 0.1" })
	void recoversTheBurgersCoefficients(String timeMethod, String spaceMethod, double noise, double tolerance) {
		double[] ab = fit(timeMethod, spaceMethod, noise);
		assertThat(Math.abs(ab[0] + 1.0)).as("error of the u*u_x coefficient").isLessThan(tolerance);
		assertThat(Math.abs(ab[1] - 0.1) / 0.1).as("relative error of the u_xx coefficient").isLessThan(tolerance);
	}

	@Test
	void onNoisyDataPolynomialFitsBeatFiniteDifferences() {
		double fd = Math.abs(fit("fd", "fd", 0.01)[1] - 0.1);
		double poly = Math.abs(fit("poly", "poly", 0.01)[1] - 0.1);
		assertThat(poly).isLessThan(fd / 10);
	}

	/**
	 * Least-squares {a, b} of {@code u_t = a u u_x + b u_xx}, away from unreliable edges.
	 */
	static double[] fit(String timeMethod, String spaceMethod, double noise) {
		Grid grid = burgers.grid();
		double[] u = withNoise(burgers.values("u"), noise, 1234);
		Differentiator dt = Differentiators.byName(timeMethod);
		Differentiator dx = Differentiators.byName(spaceMethod);
		double[] ut = dt.differentiate(grid, u, "t", 1);
		double[] ux = dx.differentiate(grid, u, "x", 1);
		double[] uxx = dx.differentiate(grid, u, "x", 2);
		int nt = grid.axis("t").size();
		int nx = grid.axis("x").size();
		int trimT = dt.unreliableEdge(1);
		int trimX = Math.max(dx.unreliableEdge(1), dx.unreliableEdge(2));
		double s11 = 0;
		double s12 = 0;
		double s22 = 0;
		double r1 = 0;
		double r2 = 0;
		for (int i = trimT; i < nt - trimT; i++) {
			for (int j = trimX; j < nx - trimX; j++) {
				int k = i * nx + j;
				double f1 = u[k] * ux[k];
				double f2 = uxx[k];
				s11 += f1 * f1;
				s12 += f1 * f2;
				s22 += f2 * f2;
				r1 += f1 * ut[k];
				r2 += f2 * ut[k];
			}
		}
		double det = s11 * s22 - s12 * s12;
		return new double[] { (r1 * s22 - r2 * s12) / det, (s11 * r2 - s12 * r1) / det };
	}

	/** {@code u + level * std(u) * N(0, 1)}, the convention of the PDE-FIND paper. */
	static double[] withNoise(double[] u, double level, long seed) {
		double mean = 0;
		for (double v : u) {
			mean += v;
		}
		mean /= u.length;
		double var = 0;
		for (double v : u) {
			var += (v - mean) * (v - mean);
		}
		double std = Math.sqrt(var / u.length);
		Random random = new Random(seed);
		double[] noisy = u.clone();
		for (int i = 0; i < noisy.length; i++) {
			noisy[i] += level * std * random.nextGaussian();
		}
		return noisy;
	}

}
