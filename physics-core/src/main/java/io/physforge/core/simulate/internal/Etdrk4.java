package io.physforge.core.simulate.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential time differencing fourth-order Runge-Kutta (ETDRK4, Cox &amp; Matthews,
 * "Exponential time differencing for stiff systems", J. Comput. Phys. 176, 2002) for
 * diagonal linear operators in Fourier space, with the phi-function coefficients
 * evaluated by the contour integrals of Kassam &amp; Trefethen, "Fourth-order
 * time-stepping for stiff PDEs", SIAM J. Sci. Comput. 26(4), 2005: a mean over
 * {@value #CONTOUR_POINTS} points on a circle of radius 1 around each {@code h L}, which
 * avoids the cancellation of the explicit formulas for small {@code |h L|}. The circle is
 * the full one, so complex (dispersive) symbols are handled, not only real ones.
 *
 * <p>
 * Coefficient sets are cached per step size, so changing between a few step sizes costs
 * nothing after the first use; modes with equal symbols (the symmetric wavenumbers) share
 * one evaluation.
 */
public final class Etdrk4 {

	/** Points on the contour (Kassam &amp; Trefethen use 32 in their examples). */
	public static final int CONTOUR_POINTS = 32;

	private static final int CACHE_LIMIT = 4;

	private final double[][] linear;

	private final Nonlinearity nonlinearity;

	private final int components;

	private final int length;

	private final Map<Double, Coefficients[]> cache = new LinkedHashMap<>();

	private final double[][] nv;

	private final double[][] a;

	private final double[][] na;

	private final double[][] b;

	private final double[][] nb;

	private final double[][] c;

	private final double[][] nc;

	private long steps;

	/**
	 * @param linear per component, the interleaved complex Fourier symbol of {@code L}
	 * @param nonlinearity {@code N} in Fourier space
	 */
	public Etdrk4(double[][] linear, Nonlinearity nonlinearity) {
		this.linear = linear;
		this.nonlinearity = nonlinearity;
		this.components = linear.length;
		this.length = linear[0].length;
		this.nv = new double[this.components][this.length];
		this.a = new double[this.components][this.length];
		this.na = new double[this.components][this.length];
		this.b = new double[this.components][this.length];
		this.nb = new double[this.components][this.length];
		this.c = new double[this.components][this.length];
		this.nc = new double[this.components][this.length];
	}

	/** Steps taken so far. */
	public long steps() {
		return this.steps;
	}

	/**
	 * Advances {@code state} (Fourier coefficients, in place) by {@code count} steps of
	 * size {@code h}.
	 */
	public void advance(double[][] state, double h, int count) {
		Coefficients[] k = coefficients(h);
		for (int s = 0; s < count; s++) {
			step(state, k);
		}
		this.steps += count;
	}

	private void step(double[][] v, Coefficients[] k) {
		this.nonlinearity.evaluate(v, this.nv);
		for (int q = 0; q < this.components; q++) {
			stage(k[q].e2, v[q], k[q].q, this.nv[q], null, this.a[q]);
		}
		this.nonlinearity.evaluate(this.a, this.na);
		for (int q = 0; q < this.components; q++) {
			stage(k[q].e2, v[q], k[q].q, this.na[q], null, this.b[q]);
		}
		this.nonlinearity.evaluate(this.b, this.nb);
		for (int q = 0; q < this.components; q++) {
			stage(k[q].e2, this.a[q], k[q].q, this.nb[q], this.nv[q], this.c[q]);
		}
		this.nonlinearity.evaluate(this.c, this.nc);
		for (int q = 0; q < this.components; q++) {
			Coefficients kq = k[q];
			double[] vq = v[q];
			double[] n0 = this.nv[q];
			double[] n1 = this.na[q];
			double[] n2 = this.nb[q];
			double[] n3 = this.nc[q];
			for (int i = 0; i < this.length; i += 2) {
				double vr = vq[i];
				double vi = vq[i + 1];
				double sr = n1[i] + n2[i];
				double si = n1[i + 1] + n2[i + 1];
				double re = mulRe(kq.e, i, vr, vi) + mulRe(kq.f1, i, n0[i], n0[i + 1]) + 2 * mulRe(kq.f2, i, sr, si)
						+ mulRe(kq.f3, i, n3[i], n3[i + 1]);
				double im = mulIm(kq.e, i, vr, vi) + mulIm(kq.f1, i, n0[i], n0[i + 1]) + 2 * mulIm(kq.f2, i, sr, si)
						+ mulIm(kq.f3, i, n3[i], n3[i + 1]);
				vq[i] = re;
				vq[i + 1] = im;
			}
		}
	}

	/**
	 * {@code out = e2 * x + q * n} or, when {@code minus} is given,
	 * {@code out = e2 * x + q * (2 n - minus)}.
	 */
	private void stage(double[] e2, double[] x, double[] q, double[] n, double[] minus, double[] out) {
		for (int i = 0; i < this.length; i += 2) {
			double nr = n[i];
			double ni = n[i + 1];
			if (minus != null) {
				nr = 2 * nr - minus[i];
				ni = 2 * ni - minus[i + 1];
			}
			out[i] = mulRe(e2, i, x[i], x[i + 1]) + mulRe(q, i, nr, ni);
			out[i + 1] = mulIm(e2, i, x[i], x[i + 1]) + mulIm(q, i, nr, ni);
		}
	}

	private static double mulRe(double[] z, int i, double re, double im) {
		return z[i] * re - z[i + 1] * im;
	}

	private static double mulIm(double[] z, int i, double re, double im) {
		return z[i] * im + z[i + 1] * re;
	}

	private Coefficients[] coefficients(double h) {
		Coefficients[] k = this.cache.get(h);
		if (k == null) {
			if (this.cache.size() >= CACHE_LIMIT) {
				this.cache.remove(this.cache.keySet().iterator().next());
			}
			k = new Coefficients[this.components];
			for (int q = 0; q < this.components; q++) {
				k[q] = new Coefficients(this.linear[q], h);
			}
			this.cache.put(h, k);
		}
		return k;
	}

	/**
	 * ETDRK4 coefficients of one component for one step size (Kassam &amp; Trefethen).
	 */
	static final class Coefficients {

		final double[] e;

		final double[] e2;

		final double[] q;

		final double[] f1;

		final double[] f2;

		final double[] f3;

		Coefficients(double[] symbol, double h) {
			int n = symbol.length;
			this.e = new double[n];
			this.e2 = new double[n];
			this.q = new double[n];
			this.f1 = new double[n];
			this.f2 = new double[n];
			this.f3 = new double[n];
			double[] rootRe = new double[CONTOUR_POINTS];
			double[] rootIm = new double[CONTOUR_POINTS];
			for (int j = 0; j < CONTOUR_POINTS; j++) {
				double angle = 2 * Math.PI * (j + 0.5) / CONTOUR_POINTS;
				rootRe[j] = Math.cos(angle);
				rootIm[j] = Math.sin(angle);
			}
			Map<Complex, Integer> seen = new HashMap<>();
			for (int i = 0; i < n; i += 2) {
				double lr = h * symbol[i];
				double li = h * symbol[i + 1];
				Integer same = seen.putIfAbsent(new Complex(lr, li), i);
				if (same != null) {
					for (double[] c : new double[][] { this.e, this.e2, this.q, this.f1, this.f2, this.f3 }) {
						c[i] = c[same];
						c[i + 1] = c[same + 1];
					}
					continue;
				}
				set(this.e, i, Complex.exp(lr, li));
				set(this.e2, i, Complex.exp(lr / 2, li / 2));
				Complex sq = Complex.ZERO;
				Complex s1 = Complex.ZERO;
				Complex s2 = Complex.ZERO;
				Complex s3 = Complex.ZERO;
				for (int j = 0; j < CONTOUR_POINTS; j++) {
					Complex z = new Complex(lr + rootRe[j], li + rootIm[j]);
					Complex ez = Complex.exp(z.re(), z.im());
					Complex ez2 = Complex.exp(z.re() / 2, z.im() / 2);
					Complex z2 = z.times(z);
					Complex z3 = z2.times(z);
					sq = sq.plus(ez2.minus(Complex.ONE).dividedBy(z));
					// (-4 - z + e^z (4 - 3z + z^2)) / z^3
					Complex t1 = new Complex(-4 - z.re(), -z.im())
						.plus(ez.times(new Complex(4 - 3 * z.re() + z2.re(), -3 * z.im() + z2.im())));
					s1 = s1.plus(t1.dividedBy(z3));
					// (2 + z + e^z (-2 + z)) / z^3
					Complex t2 = new Complex(2 + z.re(), z.im()).plus(ez.times(new Complex(-2 + z.re(), z.im())));
					s2 = s2.plus(t2.dividedBy(z3));
					// (-4 - 3z - z^2 + e^z (4 - z)) / z^3
					Complex t3 = new Complex(-4 - 3 * z.re() - z2.re(), -3 * z.im() - z2.im())
						.plus(ez.times(new Complex(4 - z.re(), -z.im())));
					s3 = s3.plus(t3.dividedBy(z3));
				}
				double scale = h / CONTOUR_POINTS;
				set(this.q, i, sq.scaled(scale));
				set(this.f1, i, s1.scaled(scale));
				set(this.f2, i, s2.scaled(scale));
				set(this.f3, i, s3.scaled(scale));
			}
		}

		private static void set(double[] target, int i, Complex z) {
			target[i] = z.re();
			target[i + 1] = z.im();
		}

	}

}
