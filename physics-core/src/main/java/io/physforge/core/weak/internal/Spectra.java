package io.physforge.core.weak.internal;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Line spectra of a grid function along one axis, their corner point and their noise
 * floor.
 */
public final class Spectra {

	/** Lines (of the other axes) averaged; more are subsampled evenly. */
	private static final int MAX_LINES = 256;

	private Spectra() {
	}

	/**
	 * Mean magnitude {@code |u_hat(k)|} of the DFT along {@code axis}, over (up to 256
	 * evenly chosen) lines of the other axes, for {@code k = 0..n/2}; each line's mean is
	 * removed first.
	 */
	public static double[] meanMagnitude(double[] values, int[] shape, int axis) {
		return spectrum(values, shape, axis, false);
	}

	/** Mean power {@code |u_hat(k)|^2} (unnormalised DFT), as {@link #meanMagnitude}. */
	public static double[] meanPower(double[] values, int[] shape, int axis) {
		return spectrum(values, shape, axis, true);
	}

	private static double[] spectrum(double[] values, int[] shape, int axis, boolean power) {
		int n = shape[axis];
		int inner = 1;
		for (int d = axis + 1; d < shape.length; d++) {
			inner *= shape[d];
		}
		int lines = values.length / n;
		int step = Math.max(1, lines / MAX_LINES);
		DoubleFFT_1D fft = new DoubleFFT_1D(n);
		double[] buf = new double[2 * n];
		double[] acc = new double[n / 2 + 1];
		int used = 0;
		for (int l = 0; l < lines; l += step) {
			int o = l / inner;
			int i = l % inner;
			int base = o * n * inner + i;
			double mean = 0;
			for (int j = 0; j < n; j++) {
				mean += values[base + j * inner];
			}
			mean /= n;
			for (int j = 0; j < n; j++) {
				buf[j] = values[base + j * inner] - mean;
			}
			fft.realForwardFull(buf);
			for (int k = 0; k <= n / 2; k++) {
				double re = buf[2 * k];
				double im = buf[2 * k + 1];
				double p2 = re * re + im * im;
				acc[k] += power ? p2 : Math.sqrt(p2);
			}
			used++;
		}
		for (int k = 0; k < acc.length; k++) {
			acc[k] /= used;
		}
		return acc;
	}

	/**
	 * The corner of a spectrum (Messenger and Bortz 2021, Sec. 2.3): the wavenumber
	 * {@code k*} at which the best two-segment linear fit of the cumulative sum of the
	 * spectrum breaks, separating the steep, signal-dominated low modes from the flat,
	 * noise-dominated (or round-off) tail.
	 * @param spectrum magnitudes for {@code k = 0..K}
	 * @return {@code k*} in {@code 1..K-1}
	 */
	public static int corner(double[] spectrum) {
		int n = spectrum.length;
		double[] c = new double[n];
		double s = 0;
		for (int k = 0; k < n; k++) {
			s += spectrum[k];
			c[k] = s;
		}
		// prefix sums of k, k^2, c, k c, c^2 for O(1) segment fits
		double[] sk = new double[n + 1];
		double[] skk = new double[n + 1];
		double[] sc = new double[n + 1];
		double[] skc = new double[n + 1];
		double[] scc = new double[n + 1];
		for (int k = 0; k < n; k++) {
			sk[k + 1] = sk[k] + k;
			skk[k + 1] = skk[k] + (double) k * k;
			sc[k + 1] = sc[k] + c[k];
			skc[k + 1] = skc[k] + k * c[k];
			scc[k + 1] = scc[k] + c[k] * c[k];
		}
		int best = Math.max(1, n / 2);
		double bestErr = Double.POSITIVE_INFINITY;
		for (int k = 2; k < n - 2; k++) {
			double err = segmentError(sk, skk, sc, skc, scc, 0, k + 1) + segmentError(sk, skk, sc, skc, scc, k, n);
			if (err < bestErr) {
				bestErr = err;
				best = k;
			}
		}
		return best;
	}

	/** Squared error of the least-squares line through points {@code [a, b)}. */
	private static double segmentError(double[] sk, double[] skk, double[] sc, double[] skc, double[] scc, int a,
			int b) {
		double cnt = b - a;
		double mk = (sk[b] - sk[a]) / cnt;
		double mc = (sc[b] - sc[a]) / cnt;
		double vkk = (skk[b] - skk[a]) / cnt - mk * mk;
		double vkc = (skc[b] - skc[a]) / cnt - mk * mc;
		double vcc = (scc[b] - scc[a]) / cnt - mc * mc;
		if (vkk <= 0) {
			return 0;
		}
		return Math.max(0, cnt * (vcc - vkc * vkc / vkk));
	}

}
