package io.physforge.pinn.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, "Numerical
 * Optimization", 2nd ed., Springer 2006: algorithm 7.4 for the two-loop recursion,
 * algorithms 3.5 and 3.6 with cubic interpolation for the line search; c1 = 1e-4, c2 =
 * 0.9, 50 correction pairs). ND4J has no L-BFGS; this one works on the flattened network
 * parameters with SameDiff's loss and gradient. It stops after the iteration budget, when
 * the loss changes by less than {@code 1e3 * machine epsilon} relative, when the largest
 * gradient entry falls below 1e-12, or when the line search finds no descent.
 */
final class Lbfgs {

	/** Loss and gradient at a point. */
	interface Objective {

		double valueAndGradient(double[] theta, double[] gradientOut);

	}

	/** Called after every iteration; returns false to stop. */
	interface Callback {

		boolean iteration(int iteration, double loss);

	}

	private static final int HISTORY = 50;

	private static final double C1 = 1e-4;

	private static final double C2 = 0.9;

	private static final double FTOL = 1e3 * Math.ulp(1.0);

	private Lbfgs() {
	}

	/** Minimises in place; returns the iterations done. */
	static int minimise(Objective f, double[] theta, int maxIterations, Callback callback) {
		int n = theta.length;
		double[] g = new double[n];
		double fx = f.valueAndGradient(theta, g);
		Deque<double[][]> pairs = new ArrayDeque<>();
		int iteration = 0;
		while (iteration < maxIterations) {
			if (maxAbs(g) < 1e-12) {
				break;
			}
			double[] d = direction(g, pairs);
			double dg = dot(d, g);
			if (dg >= 0) {
				pairs.clear();
				d = negate(g);
				dg = dot(d, g);
			}
			double step = pairs.isEmpty() ? Math.min(1.0, 1.0 / Math.max(1e-12, sum(g))) : 1.0;
			double[] x0 = theta.clone();
			double[] g0 = g.clone();
			double f0 = fx;
			LineResult ls = lineSearch(f, x0, f0, g0, d, dg, step, theta, g);
			if (ls == null) {
				System.arraycopy(x0, 0, theta, 0, n);
				System.arraycopy(g0, 0, g, 0, n);
				break;
			}
			fx = ls.value;
			iteration++;
			double[] s = new double[n];
			double[] y = new double[n];
			for (int i = 0; i < n; i++) {
				s[i] = theta[i] - x0[i];
				y[i] = g[i] - g0[i];
			}
			if (dot(s, y) > 1e-10 * dot(y, y)) {
				pairs.addLast(new double[][] { s, y });
				if (pairs.size() > HISTORY) {
					pairs.removeFirst();
				}
			}
			if (!callback.iteration(iteration, fx)) {
				break;
			}
			if (Math.abs(f0 - fx) <= FTOL * Math.max(Math.max(Math.abs(f0), Math.abs(fx)), 1e-300)) {
				break;
			}
		}
		return iteration;
	}

	private static double[] direction(double[] g, Deque<double[][]> pairs) {
		double[] q = g.clone();
		int k = pairs.size();
		double[] alpha = new double[k];
		double[] rho = new double[k];
		double[][][] list = pairs.toArray(new double[0][][]);
		for (int i = k - 1; i >= 0; i--) {
			rho[i] = 1.0 / dot(list[i][1], list[i][0]);
			alpha[i] = rho[i] * dot(list[i][0], q);
			axpy(-alpha[i], list[i][1], q);
		}
		if (k > 0) {
			double[] s = list[k - 1][0];
			double[] y = list[k - 1][1];
			double gamma = dot(s, y) / dot(y, y);
			for (int i = 0; i < q.length; i++) {
				q[i] *= gamma;
			}
		}
		for (int i = 0; i < k; i++) {
			double beta = rho[i] * dot(list[i][1], q);
			axpy(alpha[i] - beta, list[i][0], q);
		}
		return negate(q);
	}

	private record LineResult(double value) {
	}

	/**
	 * Strong-Wolfe line search along {@code d} from {@code x0}; leaves the accepted point
	 * in {@code x} and its gradient in {@code g}, or returns null if none is found.
	 */
	private static LineResult lineSearch(Objective f, double[] x0, double f0, double[] g0, double[] d, double dg0,
			double step, double[] x, double[] g) {
		double aPrev = 0;
		double fPrev = f0;
		double dgPrev = dg0;
		double a = step;
		for (int i = 0; i < 25; i++) {
			double fa = eval(f, x0, d, a, x, g);
			double dga = dot(g, d);
			if (!Double.isFinite(fa) || fa > f0 + C1 * a * dg0 || (i > 0 && fa >= fPrev)) {
				return zoom(f, x0, f0, dg0, d, aPrev, fPrev, dgPrev, a, fa, dga, x, g);
			}
			if (Math.abs(dga) <= -C2 * dg0) {
				return new LineResult(fa);
			}
			if (dga >= 0) {
				return zoom(f, x0, f0, dg0, d, a, fa, dga, aPrev, fPrev, dgPrev, x, g);
			}
			aPrev = a;
			fPrev = fa;
			dgPrev = dga;
			a = Math.min(a * 2.5, 1e10);
		}
		return null;
	}

	private static LineResult zoom(Objective f, double[] x0, double f0, double dg0, double[] d, double lo, double fLo,
			double dgLo, double hi, double fHi, double dgHi, double[] x, double[] g) {
		for (int i = 0; i < 25; i++) {
			double a = cubicMin(lo, fLo, dgLo, hi, fHi, dgHi);
			double left = Math.min(lo, hi);
			double right = Math.max(lo, hi);
			double margin = 0.1 * (right - left);
			if (!(a > left + margin && a < right - margin) || !Double.isFinite(fHi)) {
				a = 0.5 * (lo + hi);
			}
			double fa = eval(f, x0, d, a, x, g);
			double dga = dot(g, d);
			if (!Double.isFinite(fa) || fa > f0 + C1 * a * dg0 || fa >= fLo) {
				hi = a;
				fHi = fa;
				dgHi = dga;
			}
			else {
				if (Math.abs(dga) <= -C2 * dg0) {
					return new LineResult(fa);
				}
				if (dga * (hi - lo) >= 0) {
					hi = lo;
					fHi = fLo;
					dgHi = dgLo;
				}
				lo = a;
				fLo = fa;
				dgLo = dga;
			}
			if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) {
				break;
			}
		}
		if (fLo < f0) {
			eval(f, x0, d, lo, x, g);
			return new LineResult(fLo);
		}
		return null;
	}

	/** Minimiser of the cubic through two points with slopes (N&W eq. 3.59). */
	private static double cubicMin(double a, double fa, double ga, double b, double fb, double gb) {
		double d1 = ga + gb - 3 * (fa - fb) / (a - b);
		double disc = d1 * d1 - ga * gb;
		if (disc < 0) {
			return Double.NaN;
		}
		double d2 = Math.signum(b - a) * Math.sqrt(disc);
		return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
	}

	private static double eval(Objective f, double[] x0, double[] d, double a, double[] x, double[] g) {
		for (int i = 0; i < x.length; i++) {
			x[i] = x0[i] + a * d[i];
		}
		return f.valueAndGradient(x, g);
	}

	static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	private static double sum(double[] a) {
		double s = 0;
		for (double v : a) {
			s += Math.abs(v);
		}
		return s;
	}

	private static double maxAbs(double[] a) {
		double m = 0;
		for (double v : a) {
			m = Math.max(m, Math.abs(v));
		}
		return m;
	}

	private static void axpy(double alpha, double[] x, double[] y) {
		for (int i = 0; i < y.length; i++) {
			y[i] += alpha * x[i];
		}
	}

	private static double[] negate(double[] a) {
		double[] r = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			r[i] = -a[i];
		}
		return r;
	}

}
