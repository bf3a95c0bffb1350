package io.physforge.core.library;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The candidate terms of a sparse regression: every product of a monomial in the fields
 * of total degree at most {@code degree} with at most one partial derivative of one field
 * of total order {@code 1..maxOrder} along the spatial axes (mixed derivatives included
 * in 2-D and 3-D), the constant {@code 1} among them. This is the library {@code Theta}
 * of PDE-FIND (Rudy et al., Sci. Adv. 3, e1602614, 2017): for one field on one axis with
 * degree 3 and order 4 it has (3 + 1) * (4 + 1) = 20 terms; for two fields with degree 3
 * and order 4, 10 * 9 = 90.
 *
 * <p>
 * Terms are ordered: derivative factor outer (none, then by order, field, axes), monomial
 * inner (by degree, then field order).
 */
public final class CandidateLibrary {

	private final List<String> fields;

	private final List<String> spatialAxes;

	private final int degree;

	private final int maxOrder;

	private final List<Term> terms;

	private CandidateLibrary(List<String> fields, List<String> spatialAxes, int degree, int maxOrder,
			List<Term> terms) {
		this.fields = List.copyOf(fields);
		this.spatialAxes = List.copyOf(spatialAxes);
		this.degree = degree;
		this.maxOrder = maxOrder;
		this.terms = List.copyOf(terms);
	}

	/**
	 * The standard polynomial-times-derivative library.
	 * @param fields field names in field order
	 * @param spatialAxes spatial axis names ({@code x}, {@code y}, {@code z}; not
	 * {@code t})
	 * @param degree highest total power of the field monomial (0 or more)
	 * @param maxOrder highest total derivative order (0 for no derivatives)
	 */
	public static CandidateLibrary polynomial(List<String> fields, List<String> spatialAxes, int degree, int maxOrder) {
		Objects.requireNonNull(fields, "fields");
		Objects.requireNonNull(spatialAxes, "spatialAxes");
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("a library needs at least one field");
		}
		if (degree < 0 || degree > 8) {
			throw new IllegalArgumentException("degree must be in 0..8, got " + degree);
		}
		if (maxOrder < 0 || maxOrder > 8) {
			throw new IllegalArgumentException("maximum derivative order must be in 0..8, got " + maxOrder);
		}
		if (new LinkedHashSet<>(fields).size() != fields.size()) {
			throw new IllegalArgumentException("duplicate field names in " + fields);
		}
		for (String axis : spatialAxes) {
			if (axis.equals("t") || axis.length() != 1 || "xyz".indexOf(axis.charAt(0)) < 0) {
				throw new IllegalArgumentException("spatial axes must be among x, y, z; got '" + axis + "'");
			}
		}
		List<List<Factor>> monomials = monomials(fields, degree);
		List<Factor> derivatives = new ArrayList<>();
		derivatives.add(null);
		for (int order = 1; order <= maxOrder && !spatialAxes.isEmpty(); order++) {
			List<String> axesSets = axisMultisets(spatialAxes, order);
			for (String field : fields) {
				for (String axes : axesSets) {
					derivatives.add(Factor.derivative(field, axes));
				}
			}
		}
		List<Term> terms = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Factor d : derivatives) {
			for (List<Factor> m : monomials) {
				List<Factor> fs = new ArrayList<>(m);
				if (d != null) {
					fs.add(d);
				}
				Term t = Term.of(fs, fields);
				if (seen.add(t.name())) {
					terms.add(t);
				}
			}
		}
		return new CandidateLibrary(fields, spatialAxes, degree, maxOrder, terms);
	}

	/** A library of the given terms (for example parsed from names), in that order. */
	public static CandidateLibrary of(List<String> fields, List<String> spatialAxes, List<Term> terms) {
		int deg = terms.stream().mapToInt(Term::fieldDegree).max().orElse(0);
		int ord = terms.stream().mapToInt(Term::maxOrder).max().orElse(0);
		return new CandidateLibrary(fields, spatialAxes, deg, ord, terms);
	}

	public List<Term> terms() {
		return this.terms;
	}

	public int size() {
		return this.terms.size();
	}

	public List<String> fields() {
		return this.fields;
	}

	public List<String> spatialAxes() {
		return this.spatialAxes;
	}

	public int degree() {
		return this.degree;
	}

	public int maxOrder() {
		return this.maxOrder;
	}

	/** Canonical names of the terms, in library order. */
	public List<String> names() {
		return this.terms.stream().map(Term::name).toList();
	}

	/**
	 * The distinct derivative factors the terms need ({@code u_x}, {@code u_xy}), in
	 * library order.
	 */
	public List<Factor> derivativeFactors() {
		Set<String> seen = new LinkedHashSet<>();
		List<Factor> out = new ArrayList<>();
		for (Term t : this.terms) {
			for (Factor f : t.factors()) {
				if (f.isDerivative() && seen.add(f.baseName())) {
					out.add(f.withPower(1));
				}
			}
		}
		return out;
	}

	@Override
	public String toString() {
		return "CandidateLibrary" + names();
	}

	/** All monomials of total degree 0..degree, by degree then field order. */
	private static List<List<Factor>> monomials(List<String> fields, int degree) {
		List<List<Factor>> out = new ArrayList<>();
		for (int d = 0; d <= degree; d++) {
			int[] powers = new int[fields.size()];
			collect(fields, d, 0, powers, out);
		}
		return out;
	}

	private static void collect(List<String> fields, int remaining, int index, int[] powers, List<List<Factor>> out) {
		if (index == fields.size() - 1) {
			powers[index] = remaining;
			List<Factor> m = new ArrayList<>();
			for (int i = 0; i < powers.length; i++) {
				if (powers[i] > 0) {
					m.add(new Factor(fields.get(i), "", powers[i]));
				}
			}
			out.add(m);
			return;
		}
		for (int p = remaining; p >= 0; p--) {
			powers[index] = p;
			collect(fields, remaining - p, index + 1, powers, out);
		}
	}

	/** Multisets of {@code order} axes written in canonical order ("xx", "xy", "yy"). */
	private static List<String> axisMultisets(List<String> axes, int order) {
		List<String> sorted = new ArrayList<>(axes);
		sorted.sort(java.util.Comparator.comparingInt(io.physforge.core.field.Grid.CANONICAL_AXES::indexOf));
		List<String> out = new ArrayList<>();
		build(sorted, order, 0, new StringBuilder(), out);
		return out;
	}

	private static void build(List<String> axes, int remaining, int start, StringBuilder prefix, List<String> out) {
		if (remaining == 0) {
			out.add(prefix.toString());
			return;
		}
		for (int i = start; i < axes.size(); i++) {
			prefix.append(axes.get(i));
			build(axes, remaining - 1, i, prefix, out);
			prefix.setLength(prefix.length() - 1);
		}
	}

}
