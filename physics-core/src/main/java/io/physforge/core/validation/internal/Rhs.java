package io.physforge.core.validation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.physforge.core.library.Factor;
import io.physforge.core.library.Term;

/**
 * The right-hand sides {@code f_t = sum c_j theta_j} of a 1-D system, split into the
 * diagonal linear part ({@code c d^p f / dx^p} of the equation's own field) and the rest.
 */
public final class Rhs {

	/** One term: coefficient and factors (field index, derivative order, power). */
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
				o += this.order[q] * this.power[q];
			}
			return o;
		}

	}

	/** Per field: linear coefficients by derivative order (0..6). */
	public final double[][] linear;

	/** Per field: the other terms. */
	public final List<List<Part>> nonlinear;

	/** Highest derivative order in the nonlinear parts. */
	public final int maxOrder;

	/**
	 * @param fields field names in order
	 * @param equations field to canonical term to coefficient, one per field
	 */
	public Rhs(List<String> fields, Map<String, Map<String, Double>> equations, String axis) {
		int nf = fields.size();
		this.linear = new double[nf][7];
		this.nonlinear = new ArrayList<>();
		int mo = 0;
		for (int f = 0; f < nf; f++) {
			List<Part> parts = new ArrayList<>();
			for (Map.Entry<String, Double> e : equations.get(fields.get(f)).entrySet()) {
				Term term = Term.parse(e.getKey());
				List<Factor> factors = term.factors();
				if (factors.size() == 1 && factors.get(0).power() == 1 && factors.get(0).field().equals(fields.get(f))
						&& onlyAxis(factors.get(0), axis) && factors.get(0).order() <= 6) {
					this.linear[f][factors.get(0).order()] += e.getValue();
					continue;
				}
				int[] fi = new int[factors.size()];
				int[] or = new int[factors.size()];
				int[] pw = new int[factors.size()];
				for (int q = 0; q < factors.size(); q++) {
					Factor fac = factors.get(q);
					fi[q] = fields.indexOf(fac.field());
					if (fi[q] < 0 || !onlyAxis(fac, axis)) {
						throw new IllegalArgumentException(
								"term " + e.getKey() + " uses a field or axis the data lacks");
					}
					or[q] = fac.order();
					pw[q] = fac.power();
					mo = Math.max(mo, or[q]);
				}
				parts.add(new Part(e.getValue(), fi, or, pw));
			}
			this.nonlinear.add(parts);
		}
		this.maxOrder = mo;
	}

	private static boolean onlyAxis(Factor f, String axis) {
		for (char c : f.axes().toCharArray()) {
			if (c != axis.charAt(0)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Evaluates the nonlinear parts point by point.
	 * @param derivs {@code derivs[f][order]} physical values (only needed orders filled)
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
					r += Math.abs(l[o]) * Math.pow(kmax, o);
				}
				rate += r;
			}
		}
		return (rate > 0) ? 1.0 / rate : Double.POSITIVE_INFINITY;
	}

}
