package io.physforge.core.validation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.physforge.core.library.Factor;
import io.physforge.core.library.Term;

/**
 * The right-hand sides {@code f_t = sum c_j theta_j} of a 1-D or 2-D system, split into
 * the diagonal linear part ({@code c d^(p+q) f / dx^p dy^q} of the equation's own field)
 * and the rest. A derivative is stored as one index {@code p + 7 q} ({@link #index}):
 * {@code p} derivatives along the first spatial axis, {@code q} along the second (0 in
 * 1-D), each up to 6.
 */
public final class Rhs {

	/** Derivative orders per axis are below this. */
	public static final int ORDERS = 7;

	/** One term: coefficient and factors (field index, derivative index, power). */
	public record Part(double coefficient, int[] field, int[] order, int[] power) {

		public int degree() {
			int d = 0;
			for (int p : this.power) {
				d += p;
			}
			return d;
		}

		public int totalOrder() {
			int o = 0;
			for (int q = 0; q < this.order.length; q++) {
				o += (this.order[q] % ORDERS + this.order[q] / ORDERS) * this.power[q];
			}
			return o;
		}

	}

	/** Per field: linear coefficients by derivative index ({@link #index}). */
	public final double[][] linear;

	/** Per field: the other terms. */
	public final List<List<Part>> nonlinear;

	/** Highest derivative index in the nonlinear parts. */
	public final int maxOrder;

	/** The derivative index of {@code p} derivatives along x and {@code q} along y. */
	public static int index(int p, int q) {
		return p + ORDERS * q;
	}

	/**
	 * @param fields field names in order
	 * @param equations field to canonical term to coefficient, one per field
	 * @param axis the spatial axis ({@code x}) of 1-D data
	 */
	public Rhs(List<String> fields, Map<String, Map<String, Double>> equations, String axis) {
		this(fields, equations, List.of(axis));
	}

	/**
	 * @param fields field names in order
	 * @param equations field to canonical term to coefficient, one per field
	 * @param axes the spatial axes, one or two ({@code x}, {@code y})
	 */
	public Rhs(List<String> fields, Map<String, Map<String, Double>> equations, List<String> axes) {
		int nf = fields.size();
		this.linear = new double[nf][ORDERS * ORDERS];
		this.nonlinear = new ArrayList<>();
		int mo = 0;
		for (int f = 0; f < nf; f++) {
			List<Part> parts = new ArrayList<>();
			for (Map.Entry<String, Double> e : equations.get(fields.get(f)).entrySet()) {
				Term term = Term.parse(e.getKey());
				List<Factor> factors = term.factors();
				if (factors.size() == 1 && factors.get(0).power() == 1 && factors.get(0).field().equals(fields.get(f))
						&& index(factors.get(0), axes) >= 0) {
					this.linear[f][index(factors.get(0), axes)] += e.getValue();
					continue;
				}
				int[] fi = new int[factors.size()];
				int[] or = new int[factors.size()];
				int[] pw = new int[factors.size()];
				for (int q = 0; q < factors.size(); q++) {
					Factor fac = factors.get(q);
					fi[q] = fields.indexOf(fac.field());
					or[q] = index(fac, axes);
					if (fi[q] < 0 || or[q] < 0) {
						throw new IllegalArgumentException("term " + e.getKey()
								+ " uses a field or axis the data lacks, or a derivative above order 6");
					}
					pw[q] = fac.power();
					mo = Math.max(mo, or[q]);
				}
				parts.add(new Part(e.getValue(), fi, or, pw));
			}
			this.nonlinear.add(parts);
		}
		this.maxOrder = mo;
	}

	/** The factor's derivative index, or -1 for another axis or an order above 6. */
	private static int index(Factor f, List<String> axes) {
		int[] count = new int[2];
		for (char c : f.axes().toCharArray()) {
			int a = axes.indexOf(String.valueOf(c));
			if (a < 0) {
				return -1;
			}
			count[a]++;
		}
		if (count[0] >= ORDERS || count[1] >= ORDERS) {
			return -1;
		}
		return index(count[0], count[1]);
	}

	/**
	 * Evaluates the nonlinear parts point by point.
	 * @param derivs {@code derivs[f][index]} physical values (only needed indices filled)
	 * @param out per field, overwritten
	 */
	public void evaluateNonlinear(double[][][] derivs, double[][] out) {
		int n = out[0].length;
		for (int f = 0; f < out.length; f++) {
			java.util.Arrays.fill(out[f], 0);
			for (Part p : this.nonlinear.get(f)) {
				for (int i = 0; i < n; i++) {
					double v = p.coefficient();
					for (int q = 0; q < p.field().length; q++) {
						double x = derivs[p.field()[q]][p.order()[q]][i];
						for (int k = 0; k < p.power()[q]; k++) {
							v *= x;
						}
					}
					out[f][i] += v;
				}
			}
		}
	}

	/**
	 * A stable explicit step for the nonlinear parts: {@code 1 / sum |c| kmax^order
	 * A^(degree - 1)} with {@code A} the largest field magnitude.
	 */
	public double explicitStep(double kmax, double amplitude, boolean includeLinear) {
		double rate = 0;
		for (List<Part> parts : this.nonlinear) {
			for (Part p : parts) {
				rate += Math.abs(p.coefficient()) * Math.pow(kmax, p.totalOrder())
						* Math.pow(Math.max(amplitude, 1e-12), Math.max(0, p.degree() - 1));
			}
		}
		if (includeLinear) {
			for (double[] l : this.linear) {
				double r = 0;
				for (int o = 0; o < l.length; o++) {
					r += Math.abs(l[o]) * Math.pow(kmax, o % ORDERS + o / ORDERS);
				}
				rate += r;
			}
		}
		return (rate > 0) ? 1.0 / rate : Double.POSITIVE_INFINITY;
	}

}
