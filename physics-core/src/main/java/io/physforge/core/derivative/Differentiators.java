package io.physforge.core.derivative;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds differentiators by short name and string options, as given on a command line, in
 * a job description or in provenance ({@link Differentiator#settings()}).
 *
 * <table>
 * <caption>Names, options and defaults</caption>
 * <tr>
 * <th>name</th>
 * <th>class</th>
 * <th>options (default)</th>
 * </tr>
 * <tr>
 * <td>{@code fd}</td>
 * <td>{@link FiniteDifference}</td>
 * <td>{@code accuracy} (4): even, 2 to 8</td>
 * </tr>
 * <tr>
 * <td>{@code poly}</td>
 * <td>{@link PolynomialFit}</td>
 * <td>{@code degree} (5), {@code width} (5, points each side), {@code basis}
 * ({@code chebyshev} or {@code monomial})</td>
 * </tr>
 * <tr>
 * <td>{@code sg}</td>
 * <td>{@link SavitzkyGolay}</td>
 * <td>{@code degree} (4), {@code width} (6, points each side)</td>
 * </tr>
 * <tr>
 * <td>{@code spectral}</td>
 * <td>{@link Spectral}</td>
 * <td>{@code filter} ({@code none}, {@code dealias} or {@code exponential})</td>
 * </tr>
 * </table>
 */
public final class Differentiators {

	private static final List<String> NAMES = List.of("fd", "poly", "sg", "spectral");

	private Differentiators() {
	}

	/** Known names: {@code fd, poly, sg, spectral}. */
	public static List<String> names() {
		return NAMES;
	}

	/**
	 * The named differentiator with default settings.
	 * @throws IllegalArgumentException listing the known names if {@code name} is unknown
	 */
	public static Differentiator byName(String name) {
		return byName(name, Map.of());
	}

	/**
	 * The named differentiator with options (see the class table); missing options take
	 * their defaults. Names and option keys are case-insensitive.
	 * @throws IllegalArgumentException for an unknown name (listing the known ones), an
	 * unknown option key (listing the accepted ones) or a bad value
	 */
	public static Differentiator byName(String name, Map<String, String> options) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(options, "options");
		String key = name.trim().toLowerCase(Locale.ROOT);
		Options o = new Options(key, options);
		Differentiator d = switch (key) {
			case "fd" -> {
				o.accept("accuracy");
				yield new FiniteDifference(o.integer("accuracy", FiniteDifference.DEFAULT_ACCURACY));
			}
			case "poly" -> {
				o.accept("degree", "width", "basis");
				yield new PolynomialFit(o.integer("degree", PolynomialFit.DEFAULT_DEGREE),
						o.integer("width", PolynomialFit.DEFAULT_HALF_WIDTH),
						o.choice("basis", PolynomialFit.Basis.class, PolynomialFit.Basis.CHEBYSHEV));
			}
			case "sg" -> {
				o.accept("degree", "width");
				yield new SavitzkyGolay(o.integer("degree", SavitzkyGolay.DEFAULT_DEGREE),
						o.integer("width", SavitzkyGolay.DEFAULT_HALF_WIDTH));
			}
			case "spectral" -> {
				o.accept("filter");
				yield new Spectral(o.choice("filter", Spectral.Filter.class, Spectral.Filter.NONE));
			}
			default -> throw new IllegalArgumentException(
					"unknown differentiation method '" + name + "'; known methods are " + NAMES);
		};
		return d;
	}

	/** Case-insensitive option lookup with clear errors. */
	private static final class Options {

		private final String method;

		private final Map<String, String> values = new java.util.HashMap<>();

		Options(String method, Map<String, String> options) {
			this.method = method;
			options.forEach(
					(k, v) -> this.values.put(Objects.requireNonNull(k, "option key").trim().toLowerCase(Locale.ROOT),
							Objects.requireNonNull(v, () -> "value of option '" + k + "'").trim()));
		}

		void accept(String... keys) {
			Set<String> unknown = new TreeSet<>(this.values.keySet());
			unknown.removeAll(List.of(keys));
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException("unknown option(s) " + unknown + " for method '" + this.method
						+ "'; accepted options are " + List.of(keys));
			}
		}

		int integer(String key, int fallback) {
			String v = this.values.get(key);
			if (v == null) {
				return fallback;
			}
			try {
				return Integer.parseInt(v);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"option '" + key + "' of method '" + this.method + "' must be an integer, got '" + v + "'");
			}
		}

		<E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
			String v = this.values.get(key);
			if (v == null) {
				return fallback;
			}
			for (E e : type.getEnumConstants()) {
				if (e.name().equalsIgnoreCase(v)) {
					return e;
				}
			}
			List<String> allowed = new java.util.ArrayList<>();
			for (E e : type.getEnumConstants()) {
				allowed.add(e.name().toLowerCase(Locale.ROOT));
			}
			throw new IllegalArgumentException("option '" + key + "' of method '" + this.method + "' must be one of "
					+ allowed + ", got '" + v + "'");
		}

	}

}
