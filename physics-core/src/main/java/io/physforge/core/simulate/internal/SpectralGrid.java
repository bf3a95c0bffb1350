package io.physforge.core.simulate.internal;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * A periodic 1-D or 2-D grid in Fourier space: wavenumbers, the 2/3-rule dealiasing mask
 * (Orszag 1971) and complex FFTs (JTransforms). Complex arrays are interleaved
 * {@code re, im}, flat row-major over {@code (x, y)} with y fastest; a 1-D grid has
 * {@code ny == 1}. Not thread-safe: one instance per running simulation.
 */
public final class SpectralGrid {

	private final int nx;

	private final int ny;

	private final double[] kx;

	private final double[] ky;

	private final double[] kxOdd;

	private final double[] kyOdd;

	private final boolean[] keep;

	private final int[] mirror;

	private final DoubleFFT_1D fft1;

	private final DoubleFFT_2D fft2;

	/**
	 * @param nx points along x (even)
	 * @param lx period along x
	 * @param ny points along y (even), or 1 for a 1-D grid
	 * @param ly period along y (ignored when {@code ny == 1})
	 */
	public SpectralGrid(int nx, double lx, int ny, double ly) {
		this.nx = nx;
		this.ny = ny;
		this.kx = wavenumbers(nx, lx, false);
		this.kxOdd = wavenumbers(nx, lx, true);
		this.ky = (ny == 1) ? new double[] { 0 } : wavenumbers(ny, ly, false);
		this.kyOdd = (ny == 1) ? new double[] { 0 } : wavenumbers(ny, ly, true);
		this.keep = new boolean[nx * ny];
		this.mirror = new int[nx * ny];
		for (int i = 0; i < nx; i++) {
			for (int j = 0; j < ny; j++) {
				this.keep[i * ny + j] = kept(i, nx) && (ny == 1 || kept(j, ny));
				this.mirror[i * ny + j] = ((nx - i) % nx) * ny + (ny - j) % ny;
			}
		}
		this.fft1 = (ny == 1) ? new DoubleFFT_1D(nx) : null;
		this.fft2 = (ny == 1) ? null : new DoubleFFT_2D(nx, ny);
	}

	/** Mode index to signed wavenumber {@code 2 pi m / L}; Nyquist zeroed when odd. */
	private static double[] wavenumbers(int n, double length, boolean odd) {
		double[] k = new double[n];
		for (int i = 0; i < n; i++) {
			int m = (i <= n / 2) ? i : i - n;
			k[i] = 2 * Math.PI * m / length;
		}
		if (odd) {
			k[n / 2] = 0;
		}
		return k;
	}

	/** 2/3 rule: keep modes with {@code |m| < n/3}. */
	private static boolean kept(int i, int n) {
		int m = (i <= n / 2) ? i : i - n;
		return 3 * Math.abs(m) < n;
	}

	public int nx() {
		return this.nx;
	}

	public int ny() {
		return this.ny;
	}

	/** Number of grid points (complex values per array). */
	public int size() {
		return this.nx * this.ny;
	}

	public boolean twoDimensional() {
		return this.ny > 1;
	}

	/** Wavenumber along x of flat mode {@code p}, Nyquist zeroed if {@code odd}. */
	public double kx(int p, boolean odd) {
		return (odd ? this.kxOdd : this.kx)[p / this.ny];
	}

	/** Wavenumber along y of flat mode {@code p}, Nyquist zeroed if {@code odd}. */
	public double ky(int p, boolean odd) {
		return (odd ? this.kyOdd : this.ky)[p % this.ny];
	}

	/** In-place forward FFT (no scaling). */
	public void forward(double[] a) {
		if (this.fft1 != null) {
			this.fft1.complexForward(a);
		}
		else {
			this.fft2.complexForward(a);
		}
	}

	/** In-place inverse FFT, scaled by {@code 1/n}. */
	public void inverse(double[] a) {
		if (this.fft1 != null) {
			this.fft1.complexInverse(a, true);
		}
		else {
			this.fft2.complexInverse(a, true);
		}
	}

	/** Copies {@code hat} into {@code physical} and transforms it to physical space. */
	public void toPhysical(double[] hat, double[] physical) {
		System.arraycopy(hat, 0, physical, 0, hat.length);
		inverse(physical);
	}

	/**
	 * Copies {@code physical} into {@code hat}, transforms it to Fourier space and
	 * applies the 2/3-rule mask.
	 */
	public void toSpectralDealiased(double[] physical, double[] hat) {
		System.arraycopy(physical, 0, hat, 0, physical.length);
		forward(hat);
		for (int p = 0; p < this.keep.length; p++) {
			if (!this.keep[p]) {
				hat[2 * p] = 0;
				hat[2 * p + 1] = 0;
			}
		}
	}

	/**
	 * Transforms the spectra {@code a} and {@code b} of two real fields to physical space
	 * with one complex FFT: afterwards {@code z} holds {@code (a(x), b(x))} as
	 * {@code (re, im)}.
	 */
	public void toPhysicalPair(double[] a, double[] b, double[] z) {
		for (int i = 0; i < z.length; i += 2) {
			z[i] = a[i] - b[i + 1];
			z[i + 1] = a[i + 1] + b[i];
		}
		inverse(z);
	}

	/**
	 * The inverse of {@link #toPhysicalPair}: transforms {@code z = a(x) + i b(x)} (two
	 * real fields, overwritten) and splits the spectrum by Hermitian symmetry into the
	 * dealiased spectra {@code a} and {@code b}.
	 */
	public void toSpectralPairDealiased(double[] z, double[] a, double[] b) {
		forward(z);
		for (int p = 0; p < this.keep.length; p++) {
			if (!this.keep[p]) {
				a[2 * p] = 0;
				a[2 * p + 1] = 0;
				b[2 * p] = 0;
				b[2 * p + 1] = 0;
				continue;
			}
			int m = this.mirror[p];
			double zr = z[2 * p];
			double zi = z[2 * p + 1];
			double mr = z[2 * m];
			double mi = z[2 * m + 1];
			// a = (z + conj(z_m)) / 2, b = (z - conj(z_m)) / (2i)
			a[2 * p] = (zr + mr) / 2;
			a[2 * p + 1] = (zi - mi) / 2;
			b[2 * p] = (zi + mi) / 2;
			b[2 * p + 1] = -(zr - mr) / 2;
		}
	}

	/**
	 * 1-D only: transforms the (Hermitian) spectrum of a real field to its {@code nx}
	 * real values with a real FFT, half the work of a complex one.
	 */
	public void toPhysicalReal(double[] hat, double[] real) {
		int n = this.nx;
		real[0] = hat[0];
		real[1] = hat[n];
		System.arraycopy(hat, 2, real, 2, n - 2);
		this.fft1.realInverse(real, true);
	}

	/**
	 * 1-D only: the inverse of {@link #toPhysicalReal} ({@code real} is overwritten),
	 * with the 2/3-rule mask applied to the full spectrum written into {@code hat}.
	 */
	public void toSpectralRealDealiased(double[] real, double[] hat) {
		int n = this.nx;
		this.fft1.realForward(real);
		hat[0] = real[0];
		hat[1] = 0;
		hat[n] = real[1];
		hat[n + 1] = 0;
		for (int k = 1; k < n / 2; k++) {
			hat[2 * k] = real[2 * k];
			hat[2 * k + 1] = real[2 * k + 1];
			hat[2 * (n - k)] = real[2 * k];
			hat[2 * (n - k) + 1] = -real[2 * k + 1];
		}
		for (int p = 0; p < this.keep.length; p++) {
			if (!this.keep[p]) {
				hat[2 * p] = 0;
				hat[2 * p + 1] = 0;
			}
		}
	}

	/** {@code hat *= factor * i * kx} (first x-derivative, Nyquist zeroed). */
	public void scaleByDx(double[] hat, double factor) {
		for (int p = 0; p < size(); p++) {
			double k = factor * kx(p, true);
			double re = hat[2 * p];
			double im = hat[2 * p + 1];
			hat[2 * p] = -k * im;
			hat[2 * p + 1] = k * re;
		}
	}

	/** A new zeroed complex array of this grid's size. */
	public double[] newArray() {
		return new double[2 * size()];
	}

}
