package io.physforge.core.discovery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.physforge.core.library.Factor;
import io.physforge.core.library.Term;

/**
 * One discovered equation {@code lhs = sum coefficient * term}.
 *
 * @param lhs the left-hand side, a canonical time derivative ({@code u_t})
 * @param terms the non-zero terms in library order
 * @param latex the LaTeX form, derived from the canonical names (see
 * {@link #latexOf(String, List)})
 */
public record DiscoveredEquation(String lhs, List<TermCoefficient> terms, String latex) {

	public DiscoveredEquation {
		Objects.requireNonNull(lhs, "lhs");
		terms = List.copyOf(terms);
		Objects.requireNonNull(latex, "latex");
	}

	/** An equation with its LaTeX derived from the names. */
	public static DiscoveredEquation of(String lhs, List<TermCoefficient> terms) {
		return new DiscoveredEquation(lhs, terms, latexOf(lhs, terms));
	}

	/** Term name to coefficient, in order. */
	public Map<String, Double> coefficients() {
		java.util.LinkedHashMap<String, Double> m = new java.util.LinkedHashMap<>();
		for (TermCoefficient t : this.terms) {
			m.put(t.term(), t.coefficient());
		}
		return m;
	}

	/** Plain text: {@code u_t = -1.0000*u*u_x + 0.1000*u_xx}. */
	public String text() {
		StringBuilder sb = new StringBuilder(this.lhs).append(" =");
		if (this.terms.isEmpty()) {
			return sb.append(" 0").toString();
		}
		boolean first = true;
		for (TermCoefficient t : this.terms) {
			double c = t.coefficient();
			String num = String.format(Locale.ROOT, "%.4f", Math.abs(c));
			if (first) {
				sb.append(c < 0 ? " -" : " ");
			}
			else {
				sb.append(c < 0 ? " - " : " + ");
			}
			sb.append(num);
			if (!t.term().equals("1")) {
				sb.append('*').append(t.term());
			}
			first = false;
		}
		return sb.toString();
	}

	/**
	 * LaTeX derived from canonical names, 4 significant digits: {@code u_{t} = -1.000 u
	 * u_{x} + 0.1000 u_{xx}}.
	 */
	public static String latexOf(String lhs, List<TermCoefficient> terms) {
		StringBuilder sb = new StringBuilder(Factor.parse(lhs).latex()).append(" =");
		if (terms.isEmpty()) {
			return sb.append(" 0").toString();
		}
		boolean first = true;
		for (TermCoefficient t : terms) {
			double c = t.coefficient();
			String num = new java.math.BigDecimal(Math.abs(c)).round(new java.math.MathContext(4)).toPlainString();
			if (first) {
				sb.append(c < 0 ? " -" : " ");
			}
			else {
				sb.append(c < 0 ? " - " : " + ");
			}
			Term term = Term.parse(t.term());
			if (term.isConstant()) {
				sb.append(num);
			}
			else {
				sb.append(num).append(' ').append(term.latex());
			}
			first = false;
		}
		return sb.toString();
	}

}
