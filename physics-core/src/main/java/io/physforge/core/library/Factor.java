package io.physforge.core.library;

import java.util.Objects;

import io.physforge.core.field.Grid;

/**
 * One factor of a {@link Term}: a field or one of its partial derivatives, raised to a
 * positive power. Canonical names: {@code u}, {@code u^2}, {@code u_x}, {@code u_xxy},
 * {@code u_x^2}; derivative axes are written once per order, in canonical axis order
 * ({@code t, x, y, z}).
 *
 * @param field the field name ({@code u}, {@code v}, ...)
 * @param axes the differentiation axes, one letter per order in canonical axis order
 * ({@code ""} for the field itself, {@code "xx"} for the second x-derivative)
 * @param power the positive power of the factor
 */
public record Factor(String field, String axes, int power) {

	public Factor {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(axes, "axes");
		if (field.isEmpty() || field.contains("_") || field.contains("^") || field.contains("*")) {
			throw new IllegalArgumentException("field name '" + field
					+ "' cannot be used in a term: it must be non-empty and contain no '_', '^' or '*'");
		}
		if (power < 1) {
			throw new IllegalArgumentException("power of factor " + field + " must be >= 1, got " + power);
		}
		axes = canonicalAxes(axes);
	}

	/** The field itself, power 1. */
	public static Factor field(String field) {
		return new Factor(field, "", 1);
	}

	/** A derivative of {@code field}, power 1 ({@code axes} like "xx" or "xy"). */
	public static Factor derivative(String field, String axes) {
		return new Factor(field, axes, 1);
	}

	/**
	 * Parses one canonical factor name like {@code u}, {@code u^3}, {@code u_xx} or
	 * {@code v_xy^2}.
	 * @throws IllegalArgumentException naming the problem if the text is not a factor
	 */
	public static Factor parse(String text) {
		String s = text.strip();
		int power = 1;
		int caret = s.indexOf('^');
		if (caret >= 0) {
			try {
				power = Integer.parseInt(s.substring(caret + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("bad power in factor '" + text + "': expected an integer after '^'");
			}
			s = s.substring(0, caret);
		}
		int underscore = s.indexOf('_');
		if (underscore < 0) {
			return new Factor(s, "", power);
		}
		String axes = s.substring(underscore + 1);
		if (axes.isEmpty()) {
			throw new IllegalArgumentException("factor '" + text + "' has '_' but no derivative axes");
		}
		return new Factor(s.substring(0, underscore), axes, power);
	}

	/** The total derivative order (0 for the field itself). */
	public int order() {
		return this.axes.length();
	}

	public boolean isDerivative() {
		return !this.axes.isEmpty();
	}

	/** The name of the factor without its power: {@code u} or {@code u_xx}. */
	public String baseName() {
		return this.axes.isEmpty() ? this.field : this.field + "_" + this.axes;
	}

	/** The same factor with another power. */
	public Factor withPower(int newPower) {
		return new Factor(this.field, this.axes, newPower);
	}

	/** Canonical name: {@code u}, {@code u^2}, {@code u_xx}, {@code u_x^2}. */
	public String name() {
		return (this.power == 1) ? baseName() : baseName() + "^" + this.power;
	}

	/** LaTeX: {@code u}, {@code u^{2}}, {@code u_{xx}}, {@code u_{x}^{2}}. */
	public String latex() {
		String base = this.axes.isEmpty() ? this.field : this.field + "_{" + this.axes + "}";
		return (this.power == 1) ? base : base + "^{" + this.power + "}";
	}

	@Override
	public String toString() {
		return name();
	}

	private static String canonicalAxes(String axes) {
		StringBuilder sb = new StringBuilder(axes.length());
		for (String axis : Grid.CANONICAL_AXES) {
			char c = axis.charAt(0);
			for (int i = 0; i < axes.length(); i++) {
				if (axes.charAt(i) == c) {
					sb.append(c);
				}
			}
		}
		if (sb.length() != axes.length()) {
			throw new IllegalArgumentException(
					"derivative axes '" + axes + "' must consist of the axis letters " + Grid.CANONICAL_AXES);
		}
		return sb.toString();
	}

}
