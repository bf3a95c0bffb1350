package io.physforge.pinn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import java.util.regex.Pattern;

import io.physforge.core.library.Factor;

/**
 * An evolution equation in PhysForge's canonical term names, as written on the command
 * line: {@code u_t = c1*u*u_x + c2*u_xx} or {@code u_t = -u*u_x + 0.1*u_xx}. Each term is
 * a product of factors ({@code u}, {@code u^2}, {@code u_x}, {@code v_xy}) times either a
 * number (fixed) or a name (a coefficient to learn); several equations are separated by
 * {@code ;}.
 *
 * @param equations one per field, in the order written
 */
public record PinnEquation(List<Equation> equations) {

	private static final Pattern NUMBER = Pattern.compile("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

	public PinnEquation {
		equations = List.copyOf(equations);
	}

	/**
	 * One equation {@code lhs = sum of terms}.
	 *
	 * @param lhs the left side, a derivative such as {@code u_t}
	 * @param terms the right side
	 */
	public record Equation(Factor lhs, List<EquationTerm> terms) {

		public Equation {
			terms = List.copyOf(terms);
		}

	}

	/**
	 * {@code scale * coefficient * factors}: {@code coefficient} is a name to learn, or
	 * {@code null} when the term's factor is fixed ({@code scale} alone).
	 *
	 * @param scale fixed numeric factor (with the sign)
	 * @param coefficient name of the learned coefficient, or {@code null}
	 * @param factors the field factors; empty for a constant term
	 */
	public record EquationTerm(double scale, String coefficient, List<Factor> factors) {

		public EquationTerm {
			factors = List.copyOf(factors);
		}

	}

	/**
	 * Parses the text against the output fields of the network.
	 * @param text {@code u_t = c1*u*u_x + c2*u_xx}; {@code ;} between equations
	 * @param fields the fields the network outputs (say {@code [u]})
	 * @param axes the coordinate names (say {@code [t, x]})
	 * @throws IllegalArgumentException that names the equation part it cannot read and
	 * shows the expected form
	 */
	public static PinnEquation parse(String text, List<String> fields, List<String> axes) {
		Objects.requireNonNull(text, "pde");
		List<Equation> out = new ArrayList<>();
		for (String part : text.split(";")) {
			if (!part.isBlank()) {
				out.add(parseOne(part.trim(), fields, axes));
			}
		}
		if (out.isEmpty()) {
			throw new IllegalArgumentException("empty --pde; write it as 'u_t = c1*u*u_x + c2*u_xx'");
		}
		return new PinnEquation(out);
	}

	private static Equation parseOne(String text, List<String> fields, List<String> axes) {
		int eq = text.indexOf('=');
		if (eq < 0 || text.indexOf('=', eq + 1) >= 0) {
			throw bad(text, "it needs exactly one '='");
		}
		Factor lhs = factor(text.substring(0, eq).trim(), text, fields, axes);
		if (!lhs.isDerivative() || lhs.power() != 1) {
			throw bad(text, "its left side must be a derivative such as u_t");
		}
		String rhs = text.substring(eq + 1).replace(" ", "");
		if (rhs.isEmpty()) {
			throw bad(text, "its right side is empty");
		}
		List<EquationTerm> terms = new ArrayList<>();
		int i = 0;
		while (i < rhs.length()) {
			double sign = 1;
			if (rhs.charAt(i) == '+' || rhs.charAt(i) == '-') {
				sign = (rhs.charAt(i) == '-') ? -1 : 1;
				i++;
			}
			else if (i > 0) {
				throw bad(text, "expected '+' or '-' at '" + rhs.substring(i) + "'");
			}
			int j = i;
			while (j < rhs.length() && !isTermBoundary(rhs, j)) {
				j++;
			}
			terms.add(term(rhs.substring(i, j), sign, text, fields, axes));
			i = j;
		}
		return new Equation(lhs, terms);
	}

	/** A '+' or '-' that starts a new term (not the sign of an exponent like 1e-3). */
	private static boolean isTermBoundary(String s, int j) {
		char c = s.charAt(j);
		if (c != '+' && c != '-') {
			return false;
		}
		return !(j >= 2 && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E') && Character.isDigit(s.charAt(j - 2)));
	}

	private static EquationTerm term(String text, double sign, String whole, List<String> fields, List<String> axes) {
		if (text.isEmpty()) {
			throw bad(whole, "a term is empty");
		}
		double scale = sign;
		String coefficient = null;
		List<Factor> factors = new ArrayList<>();
		for (String f : text.split("\\*", -1)) {
			if (f.isEmpty()) {
				throw bad(whole, "term '" + text + "' has an empty factor");
			}
			if (NUMBER.matcher(f).matches()) {
				scale *= Double.parseDouble(f);
			}
			else if (NAME.matcher(f).matches() && !fields.contains(f)) {
				if (coefficient != null) {
					throw bad(whole, "term '" + text + "' has two coefficient names (" + coefficient + ", " + f
							+ "); a term takes one; fields are " + fields);
				}
				coefficient = f;
			}
			else {
				factors.add(factor(f, whole, fields, axes));
			}
		}
		return new EquationTerm(scale, coefficient, factors);
	}

	private static Factor factor(String text, String whole, List<String> fields, List<String> axes) {
		Factor f;
		try {
			f = Factor.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw bad(whole, ex.getMessage());
		}
		if (!fields.contains(f.field())) {
			throw bad(whole, "'" + text + "' names no field; fields are " + fields);
		}
		for (char c : f.axes().toCharArray()) {
			if (!axes.contains(String.valueOf(c))) {
				throw bad(whole, "'" + text + "' differentiates along '" + c + "', not an axis of " + axes);
			}
		}
		if (f.order() > 4) {
			throw bad(whole, "'" + text + "' is of order " + f.order() + "; derivatives go up to order 4");
		}
		return f;
	}

	private static IllegalArgumentException bad(String text, String why) {
		return new IllegalArgumentException("cannot read the equation '" + text + "': " + why
				+ "; write it as 'u_t = c1*u*u_x + c2*u_xx' (names are learned, numbers fixed)");
	}

	/** Names of the learned coefficients, in order of appearance. */
	public List<String> coefficientNames() {
		Set<String> names = new LinkedHashSet<>();
		for (Equation e : this.equations) {
			for (EquationTerm t : e.terms()) {
				if (t.coefficient() != null) {
					names.add(t.coefficient());
				}
			}
		}
		return new ArrayList<>(names);
	}

	/** Every factor base name the residual needs: {@code u, u_t, u_x, u_xx}. */
	public List<String> requiredNames() {
		Set<String> names = new LinkedHashSet<>();
		for (Equation e : this.equations) {
			names.add(e.lhs().baseName());
			for (EquationTerm t : e.terms()) {
				for (Factor f : t.factors()) {
					names.add(f.baseName());
				}
			}
		}
		return new ArrayList<>(names);
	}

	/**
	 * The equation with learned coefficients filled in, e.g.
	 * {@code u_t = -1.0*u*u_x + 0.1*u_xx}.
	 */
	public String text(Map<String, Double> coefficients) {
		List<String> parts = new ArrayList<>();
		for (Equation e : this.equations) {
			StringBuilder sb = new StringBuilder(e.lhs().name()).append(" =");
			boolean first = true;
			for (EquationTerm t : e.terms()) {
				double c = t.scale()
						* ((t.coefficient() == null) ? 1 : coefficients.getOrDefault(t.coefficient(), 0.0));
				String factors = String.join("*", t.factors().stream().map(Factor::name).toList());
				sb.append(first ? (c < 0 ? " -" : " ") : (c < 0 ? " - " : " + "));
				sb.append(String.format(java.util.Locale.ROOT, "%.6g", Math.abs(c)));
				if (!factors.isEmpty()) {
					sb.append('*').append(factors);
				}
				first = false;
			}
			parts.add(sb.toString());
		}
		return String.join("; ", parts);
	}

}
