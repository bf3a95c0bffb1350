package io.physforge.core.weak.internal;

import java.util.List;

import io.physforge.core.library.Factor;
import io.physforge.core.library.Term;

/**
 * A candidate term written as {@code factor * D^axes (prod_f f^powers[f])}: a spatial
 * derivative of a field monomial, the form whose weak integral
 * {@code (-1)^|axes| factor * int (D^axes psi) * monomial} needs no derivative of the
 * data.
 *
 * @param term the canonical term
 * @param powers power of each field in the monomial, in field order
 * @param axes the derivative axes ({@code ""} for none, {@code "xx"}, {@code "xy"})
 * @param factor the constant factor ({@code 1/2} for {@code u*u_x = (u^2)_x / 2})
 */
public record WeakTerm(Term term, int[] powers, String axes, double factor, List<Correction> corrections) {

	/**
	 * A remainder of the product rule:
	 * {@code sign * int (D^psiAxes psi) (d_mAxis m) (D^wAxes w)}, with {@code m} the
	 * monomial of {@code mPowers} and {@code w} field {@code wField}, the derivatives of
	 * the data taken by finite differences.
	 */
	public record Correction(double sign, String psiAxes, int[] mPowers, char mAxis, int wField, String wAxes) {
	}

	public WeakTerm {
		corrections = List.copyOf(corrections);
	}

	/**
	 * Maps a canonical term to its divergence form.
	 * @return the weak term, or {@code null} when {@link #exclusionReason} is not null
	 */
	public static WeakTerm of(Term term, List<String> fields) {
		if (exclusionReason(term) != null) {
			return null;
		}
		int[] powers = new int[fields.size()];
		Factor derivative = null;
		for (Factor f : term.factors()) {
			if (f.isDerivative()) {
				derivative = f;
			}
			else {
				powers[index(fields, f.field())] += f.power();
			}
		}
		if (derivative == null) {
			return new WeakTerm(term, powers, "", 1.0, List.of());
		}
		int fi = index(fields, derivative.field());
		int k = powers[fi];
		powers[fi] = k + 1;
		return new WeakTerm(term, powers, derivative.axes(), 1.0 / (k + 1), List.of());
	}

	/**
	 * The product-rule form of a monomial {@code m} times one derivative
	 * {@code D^a w = d_c1 .. d_ck w} that is not a divergence ({@code u*u_xx},
	 * {@code u*v_x}): integrating by parts one axis at a time,
	 * {@code int psi m D^a w = (-1)^k int (D^a psi) m w + sum_(i=1..k) (-1)^i int
	 * (d_c1..c_(i-1) psi) (d_ci m) (d_c(i+1)..ck w)}; the first part needs no derivative
	 * of the data, the remainders need derivatives of order below {@code k} (first order
	 * for {@code u*u_xx = (u^2)_xx / 2 - u_x^2} and {@code u*v_x = (u v)_x - u_x v}).
	 * @return the term, or {@code null} when it is not one derivative factor (of power 1)
	 * times field powers
	 */
	public static WeakTerm productRule(Term term, List<String> fields) {
		int[] m = new int[fields.size()];
		Factor derivative = null;
		for (Factor f : term.factors()) {
			if (f.isDerivative()) {
				if (derivative != null || f.power() > 1) {
					return null;
				}
				derivative = f;
			}
			else {
				m[index(fields, f.field())] += f.power();
			}
		}
		if (derivative == null) {
			return null;
		}
		int w = index(fields, derivative.field());
		int[] powers = m.clone();
		powers[w]++;
		String a = derivative.axes();
		List<Correction> corrections = new java.util.ArrayList<>();
		for (int i = 1; i <= a.length(); i++) {
			corrections.add(new Correction((i % 2 == 0) ? 1.0 : -1.0, a.substring(0, i - 1), m.clone(), a.charAt(i - 1),
					w, a.substring(i)));
		}
		return new WeakTerm(term, powers, a, 1.0, corrections);
	}

	/**
	 * Why a term has no weak form without derivatives of the data, or {@code null} when
	 * it has one: pure monomials, pure derivatives {@code u_xx}, {@code u_xy}, and
	 * first-order products {@code u^k*u_x = (u^(k+1))_x / (k+1)}.
	 */
	public static String exclusionReason(Term term) {
		Factor derivative = null;
		for (Factor f : term.factors()) {
			if (f.isDerivative()) {
				if (derivative != null) {
					return "product of two derivative factors: not the derivative of a monomial in the fields";
				}
				if (f.power() > 1) {
					return "power of a derivative (" + f.name() + "): not the derivative of a monomial in the fields";
				}
				derivative = f;
			}
		}
		if (derivative == null) {
			return null;
		}
		boolean otherFields = false;
		boolean sameField = false;
		for (Factor f : term.factors()) {
			if (!f.isDerivative()) {
				if (f.field().equals(derivative.field())) {
					sameField = true;
				}
				else {
					otherFields = true;
				}
			}
		}
		if (otherFields) {
			return "a derivative of " + derivative.field() + " times other fields: not the derivative of one monomial"
					+ " (the product rule leaves terms with derivatives of the data)";
		}
		if (sameField && derivative.order() > 1) {
			String f = derivative.field();
			return "a field power times a derivative of order " + derivative.order() + " is not the derivative of a "
					+ "monomial (e.g. " + f + "*" + f + "_xx = (" + f + "^2)_xx/2 - " + f + "_x^2): its weak form "
					+ "would need derivatives of the data";
		}
		return null;
	}

	private static int index(List<String> fields, String field) {
		int i = fields.indexOf(field);
		if (i < 0) {
			throw new IllegalArgumentException("term uses field '" + field + "' not among " + fields);
		}
		return i;
	}

}
