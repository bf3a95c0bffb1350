package io.physforge.core.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A candidate term of a PDE: a product of {@link Factor factors}, the empty product being
 * the constant {@code 1}.
 *
 * <p>
 * Canonical name (ARCHITECTURE.md): factors joined by {@code *}, field powers first in
 * field order, then derivative factors in order of derivative order (ties by field order,
 * then axes): {@code u*u_x}, {@code u^2*u_xx}, {@code u*v^2}, {@code 1}. LaTeX is derived
 * from the name: {@code u u_{x}}, {@code u^{2} v}, {@code u_{xx}}.
 *
 * @param factors the factors in canonical order (use {@link #of(List, List)} or
 * {@link #parse(String)} to build one)
 */
public record Term(List<Factor> factors) {

	/** The constant term {@code 1}. */
	public static final Term ONE = new Term(List.of());

	public Term {
		factors = List.copyOf(Objects.requireNonNull(factors, "factors"));
	}

	/**
	 * The canonical product of {@code factors}: equal factors are merged into powers and
	 * the result ordered by the canonical rule with {@code fieldOrder}.
	 * @throws IllegalArgumentException if a factor's field is not in {@code fieldOrder}
	 */
	public static Term of(List<Factor> factors, List<String> fieldOrder) {
		Map<String, Factor> merged = new LinkedHashMap<>();
		for (Factor f : factors) {
			if (!fieldOrder.contains(f.field())) {
				throw new IllegalArgumentException(
						"factor " + f.name() + " uses field '" + f.field() + "' not among the fields " + fieldOrder);
			}
			merged.merge(f.baseName(), f, (a, b) -> a.withPower(a.power() + b.power()));
		}
		List<Factor> sorted = new ArrayList<>(merged.values());
		sorted.sort(Comparator.comparingInt(Factor::order)
			.thenComparingInt((Factor f) -> fieldOrder.indexOf(f.field()))
			.thenComparing(Factor::axes));
		return new Term(sorted);
	}

	/** The canonical product of {@code factors}, fields ordered as they first appear. */
	public static Term of(Factor... factors) {
		return of(List.of(factors), fieldsInOrderOfAppearance(List.of(factors)));
	}

	/**
	 * Parses a canonical name such as {@code u^2*u_xx} or {@code 1}. Fields are ordered
	 * as they first appear, so a canonical name parses to a term with the same name.
	 * @throws IllegalArgumentException naming the offending part if the text is not a
	 * term
	 */
	public static Term parse(String name) {
		Objects.requireNonNull(name, "name");
		String s = name.strip();
		if (s.isEmpty()) {
			throw new IllegalArgumentException("empty term name; use '1' for the constant term");
		}
		if (s.equals("1")) {
			return ONE;
		}
		List<Factor> factors = new ArrayList<>();
		for (String part : s.split("\\*", -1)) {
			if (part.isBlank()) {
				throw new IllegalArgumentException("term '" + name + "' has an empty factor between '*'");
			}
			factors.add(Factor.parse(part));
		}
		return of(factors, fieldsInOrderOfAppearance(factors));
	}

	/**
	 * Parses a name and orders it canonically for the given field order ({@code v*u}
	 * becomes {@code u*v} for fields {@code u, v}).
	 */
	public static Term parse(String name, List<String> fieldOrder) {
		Term t = parse(name);
		return of(t.factors, fieldOrder);
	}

	public boolean isConstant() {
		return this.factors.isEmpty();
	}

	/** Sum of the powers of the non-derivative factors. */
	public int fieldDegree() {
		return this.factors.stream().filter((f) -> !f.isDerivative()).mapToInt(Factor::power).sum();
	}

	/** The highest derivative order among the factors (0 if none). */
	public int maxOrder() {
		return this.factors.stream().mapToInt(Factor::order).max().orElse(0);
	}

	/** Canonical name, {@code 1} for the constant. */
	public String name() {
		if (this.factors.isEmpty()) {
			return "1";
		}
		StringBuilder sb = new StringBuilder();
		for (Factor f : this.factors) {
			if (sb.length() > 0) {
				sb.append('*');
			}
			sb.append(f.name());
		}
		return sb.toString();
	}

	/**
	 * LaTeX of the product: factors' LaTeX joined by spaces, {@code 1} for the constant.
	 */
	public String latex() {
		if (this.factors.isEmpty()) {
			return "1";
		}
		StringBuilder sb = new StringBuilder();
		for (Factor f : this.factors) {
			if (sb.length() > 0) {
				sb.append(' ');
			}
			sb.append(f.latex());
		}
		return sb.toString();
	}

	/**
	 * Evaluates the product into {@code out}, given the values of each factor's base
	 * ({@link Factor#baseName()}: {@code u}, {@code u_xx}) at the same rows.
	 * @param base base name to values, each at least {@code out.length} long
	 * @param out receives the product
	 */
	public void evaluate(Function<String, double[]> base, double[] out) {
		java.util.Arrays.fill(out, 1.0);
		for (Factor f : this.factors) {
			double[] v = base.apply(f.baseName());
			if (v == null) {
				throw new IllegalArgumentException("no values for factor " + f.baseName() + " of term " + name());
			}
			int p = f.power();
			for (int i = 0; i < out.length; i++) {
				double x = v[i];
				double xp = x;
				for (int k = 1; k < p; k++) {
					xp *= x;
				}
				out[i] *= xp;
			}
		}
	}

	@Override
	public String toString() {
		return name();
	}

	private static List<String> fieldsInOrderOfAppearance(List<Factor> factors) {
		List<String> order = new ArrayList<>();
		for (Factor f : factors) {
			if (!order.contains(f.field())) {
				order.add(f.field());
			}
		}
		return order;
	}

}
