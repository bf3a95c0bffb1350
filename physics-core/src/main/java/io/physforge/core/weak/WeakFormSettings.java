package io.physforge.core.weak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a weak-form discovery ({@link WeakForm}). Every test-function parameter is
 * chosen from the data unless overridden per axis ({@code t}, {@code x}, {@code y},
 * {@code z}).
 *
 * @param targets fields to find an equation for ({@code u_t = ...}); empty for every
 * field
 * @param degree highest total power of the field monomials in the candidate library
 * (0..5)
 * @param maxOrder highest spatial derivative order in the candidate library (1..6)
 * @param halfWidth per-axis override of the test function's half-width {@code m} in grid
 * points (support {@code 2m + 1} points); absent axes are chosen from the spectrum
 * @param power per-axis override of the bump power {@code p} (must exceed the highest
 * derivative order on that axis)
 * @param stride per-axis override of the spacing of query points in grid points
 * @param maxRows largest number of query points (rows of the weak system) when strides
 * are automatic
 * @param supportWidth {@code tau-hat}: the test function's Fourier transform is placed
 * this many of its standard deviations inside the corner wavenumber of the data (larger:
 * wider support, stronger filtering)
 * @param threshold a fixed STLSQ threshold on normalised coefficients, or {@code NaN} for
 * the automatic MSTLS threshold
 * @param seed recorded in the provenance (the construction is deterministic)
 * @param refineWidths {@code tau-hat} values tried for the final least-squares refit of
 * the support found at {@code supportWidth}: the one with the smallest largest relative
 * standard error of the coefficients is kept; empty for no refinement
 * @param productRule also include the products of a monomial and one derivative that are
 * not divergences ({@code u*u_xx}, {@code u*v_x}, {@code u^2*v_xy}): integration by parts
 * as far as it goes, the remainder with first derivatives of the data (see
 * {@link WeakForm}); off by default
 */
public record WeakFormSettings(List<String> targets, int degree, int maxOrder, Map<String, Integer> halfWidth,
		Map<String, Integer> power, Map<String, Integer> stride, int maxRows, double supportWidth, double threshold,
		long seed, List<Double> refineWidths, boolean productRule) {

	public WeakFormSettings {
		targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
		halfWidth = Map.copyOf(Objects.requireNonNull(halfWidth, "halfWidth"));
		power = Map.copyOf(Objects.requireNonNull(power, "power"));
		stride = Map.copyOf(Objects.requireNonNull(stride, "stride"));
		refineWidths = List.copyOf(Objects.requireNonNull(refineWidths, "refineWidths"));
		for (double w : refineWidths) {
			if (!(w > 0 && w <= 20)) {
				throw new IllegalArgumentException("refine widths (tau-hat) must be in (0, 20], got " + refineWidths);
			}
		}
		if (degree < 0 || degree > 5) {
			throw new IllegalArgumentException("library degree must be 0 to 5, got " + degree);
		}
		if (maxOrder < 1 || maxOrder > 6) {
			throw new IllegalArgumentException("maximum derivative order must be 1 to 6, got " + maxOrder);
		}
		check("halfWidth", halfWidth, 2);
		check("power", power, 2);
		check("stride", stride, 1);
		if (maxRows < 50) {
			throw new IllegalArgumentException("maxRows must be at least 50, got " + maxRows);
		}
		if (!(supportWidth > 0 && supportWidth <= 20)) {
			throw new IllegalArgumentException("supportWidth (tau-hat) must be in (0, 20], got " + supportWidth);
		}
		if (!Double.isNaN(threshold) && !(threshold >= 0 && threshold < 1)) {
			throw new IllegalArgumentException(
					"threshold must be NaN (automatic MSTLS) or in [0, 1) on normalised coefficients, got "
							+ threshold);
		}
	}

	/**
	 * All fields, degree 3, derivative order 4, automatic test functions
	 * ({@code tau-hat = 1.5}), at most 2 000 query points, automatic threshold, seed 0,
	 * refit at {@code tau-hat} 0.75, 1, 1.5 and 2.
	 */
	public static WeakFormSettings defaults() {
		return new WeakFormSettings(List.of(), 3, 4, Map.of(), Map.of(), Map.of(), 2_000, 1.5, Double.NaN, 0L,
				List.of(0.75, 1.0, 1.5, 2.0), false);
	}

	public WeakFormSettings withTargets(List<String> newTargets) {
		return new WeakFormSettings(newTargets, this.degree, this.maxOrder, this.halfWidth, this.power, this.stride,
				this.maxRows, this.supportWidth, this.threshold, this.seed, this.refineWidths, this.productRule);
	}

	public WeakFormSettings withLibrary(int newDegree, int newMaxOrder) {
		return new WeakFormSettings(this.targets, newDegree, newMaxOrder, this.halfWidth, this.power, this.stride,
				this.maxRows, this.supportWidth, this.threshold, this.seed, this.refineWidths, this.productRule);
	}

	/** Overrides the half-width and (if {@code p > 0}) the power on one axis. */
	public WeakFormSettings withTestFunction(String axis, int m, int p) {
		Map<String, Integer> hw = new LinkedHashMap<>(this.halfWidth);
		hw.put(axis, m);
		Map<String, Integer> pw = new LinkedHashMap<>(this.power);
		if (p > 0) {
			pw.put(axis, p);
		}
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, hw, pw, this.stride, this.maxRows,
				this.supportWidth, this.threshold, this.seed, this.refineWidths, this.productRule);
	}

	public WeakFormSettings withStride(String axis, int s) {
		Map<String, Integer> st = new LinkedHashMap<>(this.stride);
		st.put(axis, s);
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, this.halfWidth, this.power, st,
				this.maxRows, this.supportWidth, this.threshold, this.seed, this.refineWidths, this.productRule);
	}

	public WeakFormSettings withMaxRows(int newMaxRows) {
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, this.halfWidth, this.power, this.stride,
				newMaxRows, this.supportWidth, this.threshold, this.seed, this.refineWidths, this.productRule);
	}

	public WeakFormSettings withSupportWidth(double newSupportWidth) {
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, this.halfWidth, this.power, this.stride,
				this.maxRows, newSupportWidth, this.threshold, this.seed, this.refineWidths, this.productRule);
	}

	public WeakFormSettings withThreshold(double newThreshold) {
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, this.halfWidth, this.power, this.stride,
				this.maxRows, this.supportWidth, newThreshold, this.seed, this.refineWidths, this.productRule);
	}

	public WeakFormSettings withRefineWidths(List<Double> newRefineWidths) {
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, this.halfWidth, this.power, this.stride,
				this.maxRows, this.supportWidth, this.threshold, this.seed, newRefineWidths, this.productRule);
	}

	public WeakFormSettings withSeed(long newSeed) {
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, this.halfWidth, this.power, this.stride,
				this.maxRows, this.supportWidth, this.threshold, newSeed, this.refineWidths, this.productRule);
	}

	public WeakFormSettings withProductRule(boolean newProductRule) {
		return new WeakFormSettings(this.targets, this.degree, this.maxOrder, this.halfWidth, this.power, this.stride,
				this.maxRows, this.supportWidth, this.threshold, this.seed, this.refineWidths, newProductRule);
	}

	/** The settings as a map, for provenance. */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("method", "weak");
		m.put("targets", this.targets);
		m.put("degree", this.degree);
		m.put("maxOrder", this.maxOrder);
		m.put("halfWidth", new java.util.TreeMap<>(this.halfWidth));
		m.put("power", new java.util.TreeMap<>(this.power));
		m.put("stride", new java.util.TreeMap<>(this.stride));
		m.put("maxRows", this.maxRows);
		m.put("supportWidth", this.supportWidth);
		m.put("threshold", Double.isNaN(this.threshold) ? "mstls" : this.threshold);
		m.put("seed", this.seed);
		m.put("refineWidths", this.refineWidths);
		m.put("productRule", this.productRule);
		return m;
	}

	private static void check(String what, Map<String, Integer> m, int min) {
		for (Map.Entry<String, Integer> e : m.entrySet()) {
			if (!List.of("t", "x", "y", "z").contains(e.getKey())) {
				throw new IllegalArgumentException(
						what + " override for unknown axis '" + e.getKey() + "'; axes are t, x, y, z");
			}
			if (e.getValue() == null || e.getValue() < min) {
				throw new IllegalArgumentException(
						what + " on axis " + e.getKey() + " must be at least " + min + ", got " + e.getValue());
			}
		}
	}

}
