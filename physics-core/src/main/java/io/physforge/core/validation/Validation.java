package io.physforge.core.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.TermCoefficient;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.simulate.internal.Etdrk4;
import io.physforge.core.simulate.internal.Nonlinearity;
import io.physforge.core.simulate.internal.SpectralGrid;
import io.physforge.core.validation.internal.Rhs;

/**
 * Re-simulates discovered equations {@code f_t = sum c_j theta_j} from the first time
 * slice of the data to every output time and reports the trajectory error.
 *
 * <p>
 * Periodic data (the first and last points of each field differ by no more than twice the
 * largest step between neighbours, even point count, uniform x): ETDRK4 (Cox and
 * Matthews, J. Comput. Phys. 176, 2002; Kassam and Trefethen, SIAM J. Sci. Comput. 26,
 * 2005) of {@code physics-core}'s simulator with the diagonal linear terms of each field
 * ({@code c d^p f / dx^p}) in the exact linear part and every other term evaluated
 * pseudo-spectrally (derivatives by FFT, products in physical space, 2/3-rule
 * dealiasing). Otherwise the method of lines: second-order central differences and
 * classical RK4, the points within the stencil's reach of either end held at the data's
 * values (linear in time between output times). Steps: {@code 1 / sum |c| kmax^order
 * A^(degree - 1)} for the explicit terms ({@code kmax} the largest resolved wavenumber,
 * {@code A} the largest initial magnitude). The run stops as diverged when a value is not
 * finite or exceeds 1000 times the data's largest magnitude.
 *
 * <p>
 * Data on axes (t, x) or (t, x, y); 2-D data only when periodic (ETDRK4 on the 2-D grid,
 * derivatives {@code d^(p+q) / dx^p dy^q} by FFT), other data is reported as skipped.
 * Measured (ValidationTest): the true Burgers equation on the PDE-FIND data reproduces it
 * with a relative trajectory error of about 1e-3 (bound asserted in the test), a wrong
 * coefficient gives an error of order 1.
 */
public final class Validation {

	/** Largest number of steps before the run is abandoned as too stiff. */
	static final long MAX_STEPS = 2_000_000L;

	private Validation() {
	}

	/** Validates the equations (one per field of the data). */
	public static ValidationResult validate(Field data, List<DiscoveredEquation> equations) {
		Map<String, Map<String, Double>> eqs = new LinkedHashMap<>();
		for (DiscoveredEquation e : equations) {
			Map<String, Double> terms = new LinkedHashMap<>();
			for (TermCoefficient t : e.terms()) {
				terms.put(t.term(), t.coefficient());
			}
			eqs.put(e.lhs().substring(0, e.lhs().length() - 2), terms);
		}
		return validateTerms(data, eqs);
	}

	/** Validates equations given as field to canonical term to coefficient. */
	public static ValidationResult validateTerms(Field data, Map<String, Map<String, Double>> equations) {
		long start = System.nanoTime();
		Grid grid = data.grid();
		List<String> fields = data.fieldNames();
		boolean twoD = grid.rank() == 3 && grid.hasAxis("t") && grid.hasAxis("x") && grid.hasAxis("y")
				&& grid.indexOf("t") == 0 && grid.indexOf("x") == 1;
		if (!twoD && (grid.rank() != 2 || !grid.hasAxis("t") || !grid.hasAxis("x"))) {
			return skipped("only data on axes (t, x) or (t, x, y) can be re-simulated, got " + grid.axes(), start);
		}
		for (String f : fields) {
			if (!equations.containsKey(f)) {
				return skipped("field " + f + " has no discovered equation (discover all fields to validate)", start);
			}
		}
		Axis x = grid.axis("x");
		Axis t = grid.axis("t");
		Axis y = twoD ? grid.axis("y") : null;
		if (!x.isUniform() || (y != null && !y.isUniform())) {
			return skipped("the spatial axes are not uniform", start);
		}
		Rhs rhs;
		try {
			rhs = new Rhs(fields, equations, twoD ? List.of("x", "y") : List.of("x"));
		}
		catch (IllegalArgumentException ex) {
			return skipped(ex.getMessage(), start);
		}
		int ny = twoD ? y.size() : 1;
		int nx = x.size() * ny;
		int nt = t.size();
		double[][] u0 = new double[fields.size()][nx];
		double amp = 0;
		double dataMax = 0;
		for (int f = 0; f < fields.size(); f++) {
			double[] v = data.values(fields.get(f));
			System.arraycopy(v, 0, u0[f], 0, nx);
			for (int i = 0; i < nx; i++) {
				amp = Math.max(amp, Math.abs(u0[f][i]));
			}
			for (double w : v) {
				dataMax = Math.max(dataMax, Math.abs(w));
			}
		}
		boolean periodic = twoD ? (x.size() % 2 == 0) && (ny % 2 == 0) && periodic2d(u0, x.size(), ny)
				: (nx % 2 == 0) && periodic(u0);
		if (twoD && !periodic) {
			return skipped("2-D data is re-simulated only when periodic (even point counts, no jump across the"
					+ " boundary); no method-of-lines fallback in 2-D", start);
		}
		Simulator sim;
		if (periodic) {
			SpectralSimulator spectral = new SpectralSimulator(rhs, x.size(), x.spacing(), ny, twoD ? y.spacing() : 1.0,
					amp);
			spectral.init(u0);
			sim = spectral;
		}
		else {
			sim = new LinesSimulator(rhs, data, fields, x.spacing(), amp);
		}
		double num = 0;
		double den = 0;
		double finalErr = Double.NaN;
		String status = "ok";
		double reached = t.at(0);
		double[][] state = u0;
		for (int it = 1; it < nt; it++) {
			double dt = t.at(it) - t.at(it - 1);
			state = sim.advance(t.at(it - 1), dt);
			if (sim.steps() > MAX_STEPS) {
				status = "skipped: more than " + MAX_STEPS + " steps needed (stiff explicit terms)";
				break;
			}
			boolean bad = false;
			for (double[] s : state) {
				for (double v : s) {
					if (!Double.isFinite(v) || Math.abs(v) > 1000 * Math.max(dataMax, 1e-300)) {
						bad = true;
					}
				}
			}
			if (bad) {
				status = "diverged at t=" + t.at(it);
				break;
			}
			double n1 = 0;
			double d1 = 0;
			for (int f = 0; f < fields.size(); f++) {
				double[] v = data.values(fields.get(f));
				for (int i = 0; i < nx; i++) {
					double e = state[f][i] - v[it * nx + i];
					n1 += e * e;
					d1 += v[it * nx + i] * v[it * nx + i];
				}
			}
			num += n1;
			den += d1;
			finalErr = (d1 > 0) ? Math.sqrt(n1 / d1) : Math.sqrt(n1);
			reached = t.at(it);
		}
		double rel = (den > 0) ? Math.sqrt(num / den) : Double.NaN;
		return new ValidationResult(status, periodic ? "etdrk4-spectral" : "rk4-finite-difference", rel, finalErr,
				reached, sim.steps(), (System.nanoTime() - start) / 1_000_000);
	}

	private static ValidationResult skipped(String why, long start) {
		return new ValidationResult("skipped: " + why, "none", Double.NaN, Double.NaN, 0, 0,
				(System.nanoTime() - start) / 1_000_000);
	}

	/** {@link #periodic} along every x line and every y line of a 2-D slice. */
	static boolean periodic2d(double[][] u0, int nx, int ny) {
		for (double[] u : u0) {
			double[][] lines = new double[nx + ny][];
			for (int i = 0; i < nx; i++) {
				lines[i] = java.util.Arrays.copyOfRange(u, i * ny, (i + 1) * ny);
			}
			for (int j = 0; j < ny; j++) {
				double[] c = new double[nx];
				for (int i = 0; i < nx; i++) {
					c[i] = u[i * ny + j];
				}
				lines[nx + j] = c;
			}
			if (!periodic(lines)) {
				return false;
			}
		}
		return true;
	}

	/** Periodic when the wrap-around jump is no larger than twice the largest step. */
	static boolean periodic(double[][] u0) {
		for (double[] u : u0) {
			int n = u.length;
			double step = 0;
			for (int i = 1; i < n; i++) {
				step = Math.max(step, Math.abs(u[i] - u[i - 1]));
			}
			if (Math.abs(u[0] - u[n - 1]) > 2 * step + 1e-12) {
				return false;
			}
		}
		return true;
	}

	private interface Simulator {

		/** Advances by {@code dt} from time {@code t0}; returns the physical state. */
		double[][] advance(double t0, double dt);

		long steps();

	}

	/** ETDRK4 on the periodic grid (1-D: {@code ny = 1}). */
	private static final class SpectralSimulator implements Simulator, Nonlinearity {

		private final Rhs rhs;

		private final SpectralGrid grid;

		private final Etdrk4 stepper;

		private final double[][] state;

		private final double[][][] derivs;

		private final boolean[] needed;

		private final double[][] values;

		private final double[] work;

		private final double hmax;

		private final int n;

		private boolean tooStiff;

		SpectralSimulator(Rhs rhs, int nx, double dx, int ny, double dy, double amplitude) {
			this.rhs = rhs;
			this.n = nx * ny;
			this.grid = new SpectralGrid(nx, nx * dx, ny, ny * dy);
			int nf = rhs.linear.length;
			double[][] linear = new double[nf][];
			for (int f = 0; f < nf; f++) {
				double[] l = this.grid.newArray();
				for (int p = 0; p < this.n; p++) {
					double re = 0;
					double im = 0;
					for (int o = 0; o < rhs.linear[f].length; o++) {
						double c = rhs.linear[f][o];
						if (c == 0) {
							continue;
						}
						double[] z = symbol(p, o);
						re += c * z[0];
						im += c * z[1];
					}
					l[2 * p] = re;
					l[2 * p + 1] = im;
				}
				linear[f] = l;
			}
			this.stepper = new Etdrk4(linear, this);
			this.state = new double[nf][];
			this.needed = new boolean[rhs.maxOrder + 1];
			for (List<Rhs.Part> parts : rhs.nonlinear) {
				for (Rhs.Part part : parts) {
					for (int q = 0; q < part.order().length; q++) {
						this.needed[part.order()[q]] = true;
					}
				}
			}
			this.derivs = new double[nf][rhs.maxOrder + 1][];
			for (int f = 0; f < nf; f++) {
				for (int o = 0; o <= rhs.maxOrder; o++) {
					if (this.needed[o]) {
						this.derivs[f][o] = new double[this.n];
					}
				}
			}
			this.values = new double[nf][this.n];
			this.work = this.grid.newArray();
			double kmax = Math.PI / Math.min(dx, (ny > 1) ? dy : dx) * 2 / 3;
			this.hmax = rhs.explicitStep(kmax, amplitude, false);
		}

		/** {@code (i kx)^p (i ky)^q} of mode {@code m} for derivative index {@code o}. */
		private double[] symbol(int m, int o) {
			int px = o % Rhs.ORDERS;
			int py = o / Rhs.ORDERS;
			double mag = Math.pow(this.grid.kx(m, px % 2 == 1), px) * Math.pow(this.grid.ky(m, py % 2 == 1), py);
			return switch ((px + py) % 4) {
				case 0 -> new double[] { mag, 0 };
				case 1 -> new double[] { 0, mag };
				case 2 -> new double[] { -mag, 0 };
				default -> new double[] { 0, -mag };
			};
		}

		void init(double[][] u0) {
			for (int f = 0; f < u0.length; f++) {
				double[] s = this.grid.newArray();
				for (int i = 0; i < this.n; i++) {
					s[2 * i] = u0[f][i];
				}
				this.grid.forward(s);
				this.state[f] = s;
			}
		}

		@Override
		public double[][] advance(double t0, double dt) {
			long count = (this.hmax >= dt) ? 1 : (long) Math.ceil(dt / this.hmax);
			if (count > MAX_STEPS) {
				this.tooStiff = true;
				return physical();
			}
			this.stepper.advance(this.state, dt / count, (int) count);
			return physical();
		}

		@Override
		public long steps() {
			return this.tooStiff ? MAX_STEPS + 1 : this.stepper.steps();
		}

		private double[][] physical() {
			double[][] out = new double[this.state.length][this.n];
			for (int f = 0; f < this.state.length; f++) {
				this.grid.toPhysical(this.state[f], this.work);
				for (int i = 0; i < this.n; i++) {
					out[f][i] = this.work[2 * i];
				}
			}
			return out;
		}

		@Override
		public void evaluate(double[][] hat, double[][] out) {
			int nf = hat.length;
			for (int f = 0; f < nf; f++) {
				for (int o = 0; o <= this.rhs.maxOrder; o++) {
					if (!this.needed[o]) {
						continue;
					}
					for (int m = 0; m < this.n; m++) {
						double[] z = symbol(m, o);
						double re = hat[f][2 * m];
						double im = hat[f][2 * m + 1];
						this.work[2 * m] = re * z[0] - im * z[1];
						this.work[2 * m + 1] = re * z[1] + im * z[0];
					}
					this.grid.toPhysical(this.work, this.work);
					for (int i = 0; i < this.n; i++) {
						this.derivs[f][o][i] = this.work[2 * i];
					}
				}
			}
			this.rhs.evaluateNonlinear(this.derivs, this.values);
			for (int f = 0; f < nf; f++) {
				java.util.Arrays.fill(this.work, 0);
				for (int i = 0; i < this.n; i++) {
					this.work[2 * i] = this.values[f][i];
				}
				this.grid.toSpectralDealiased(this.work, out[f]);
			}
		}

	}

	/** RK4 on central differences with the edges held at the data. */
	private static final class LinesSimulator implements Simulator {

		private final Rhs rhs;

		private final Field data;

		private final List<String> fields;

		private final double dx;

		private final double hmax;

		private final int n;

		private final int edge;

		private double[][] u;

		private long steps;

		LinesSimulator(Rhs rhs, Field data, List<String> fields, double dx, double amplitude) {
			this.rhs = rhs;
			this.data = data;
			this.fields = fields;
			this.dx = dx;
			this.n = data.grid().axis("x").size();
			int maxOrder = rhs.maxOrder;
			for (double[] l : rhs.linear) {
				for (int o = 0; o < l.length; o++) {
					if (l[o] != 0) {
						maxOrder = Math.max(maxOrder, o);
					}
				}
			}
			this.edge = (maxOrder + 1) / 2 + 1;
			this.hmax = rhs.explicitStep(2 / dx, amplitude, true) * 2;
			this.u = new double[fields.size()][this.n];
			for (int f = 0; f < fields.size(); f++) {
				System.arraycopy(data.values(fields.get(f)), 0, this.u[f], 0, this.n);
			}
		}

		@Override
		public double[][] advance(double t0, double dt) {
			long count = (this.hmax >= dt) ? 1 : (long) Math.ceil(dt / this.hmax);
			if (count > MAX_STEPS) {
				this.steps = MAX_STEPS + 1;
				return this.u;
			}
			double h = dt / count;
			int it0 = data.grid().axis("t").values().length;
			double[] times = data.grid().axis("t").values();
			int i0 = java.util.Arrays.binarySearch(times, t0);
			for (long s = 0; s < count; s++) {
				double[][] k1 = f(this.u);
				double[][] k2 = f(axpy(this.u, k1, h / 2));
				double[][] k3 = f(axpy(this.u, k2, h / 2));
				double[][] k4 = f(axpy(this.u, k3, h));
				for (int q = 0; q < this.u.length; q++) {
					for (int i = 0; i < this.n; i++) {
						this.u[q][i] += h / 6 * (k1[q][i] + 2 * k2[q][i] + 2 * k3[q][i] + k4[q][i]);
					}
				}
				// edges follow the data, linearly in time
				double frac = (s + 1.0) / count;
				for (int q = 0; q < this.u.length; q++) {
					double[] v = this.data.values(this.fields.get(q));
					for (int e = 0; e < this.edge; e++) {
						for (int i : new int[] { e, this.n - 1 - e }) {
							double a = v[i0 * this.n + i];
							double b = (i0 + 1 < it0) ? v[(i0 + 1) * this.n + i] : a;
							this.u[q][i] = a + frac * (b - a);
						}
					}
				}
				this.steps++;
			}
			double[][] copy = new double[this.u.length][];
			for (int q = 0; q < this.u.length; q++) {
				copy[q] = this.u[q].clone();
			}
			return copy;
		}

		private static double[][] axpy(double[][] u, double[][] k, double h) {
			double[][] out = new double[u.length][];
			for (int q = 0; q < u.length; q++) {
				out[q] = u[q].clone();
				for (int i = 0; i < out[q].length; i++) {
					out[q][i] += h * k[q][i];
				}
			}
			return out;
		}

		private double[][] f(double[][] v) {
			int nf = v.length;
			double[][][] d = new double[nf][7][];
			for (int q = 0; q < nf; q++) {
				d[q][0] = v[q];
				for (int o = 1; o <= 6; o++) {
					d[q][o] = central(d[q][o - 1]);
				}
			}
			double[][] out = new double[nf][this.n];
			this.rhs.evaluateNonlinear(d, out);
			for (int q = 0; q < nf; q++) {
				for (int o = 0; o < 7; o++) {
					double c = this.rhs.linear[q][o];
					if (c != 0) {
						for (int i = 0; i < this.n; i++) {
							out[q][i] += c * d[q][o][i];
						}
					}
				}
				for (int e = 0; e < this.edge; e++) {
					out[q][e] = 0;
					out[q][this.n - 1 - e] = 0;
				}
			}
			return out;
		}

		/** Central first difference, one-sided at the ends. */
		private double[] central(double[] v) {
			double[] out = new double[this.n];
			for (int i = 1; i < this.n - 1; i++) {
				out[i] = (v[i + 1] - v[i - 1]) / (2 * this.dx);
			}
			out[0] = (v[1] - v[0]) / this.dx;
			out[this.n - 1] = (v[this.n - 1] - v[this.n - 2]) / this.dx;
			return out;
		}

		@Override
		public long steps() {
			return this.steps;
		}

	}

}
