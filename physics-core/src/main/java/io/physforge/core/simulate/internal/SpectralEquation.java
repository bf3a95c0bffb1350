package io.physforge.core.simulate.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * A built-in periodic equation {@code u_t = L u + N(u)}: its name, fields, parameters
 * with defaults, named initial conditions, default settings, true equation in canonical
 * terms, and its {@link SpectralModel} on a grid.
 *
 * <p>
 * Real fields are integrated as real-valued components (complex FFTs whose imaginary part
 * is dropped after each nonlinear evaluation); an equation with {@link #complexState()}
 * integrates one complex component {@code psi = u + i v} instead, for a linear part that
 * couples {@code u} and {@code v} but is diagonal in {@code psi}.
 */
public abstract class SpectralEquation {

	private final String name;

	private final int dimension;

	private final List<String> fields;

	private final boolean complexState;

	private final Map<String, Double> defaultParameters;

	private final List<String> initialConditions;

	protected SpectralEquation(String name, int dimension, List<String> fields, boolean complexState,
			Map<String, Double> defaultParameters, List<String> initialConditions) {
		this.name = name;
		this.dimension = dimension;
		this.fields = List.copyOf(fields);
		this.complexState = complexState;
		this.defaultParameters = Collections.unmodifiableMap(new LinkedHashMap<>(defaultParameters));
		this.initialConditions = List.copyOf(initialConditions);
	}

	/** Ordered parameter map from alternating names and values. */
	protected static Map<String, Double> parameters(Object... namesAndValues) {
		LinkedHashMap<String, Double> m = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			m.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
		}
		return m;
	}

	/**
	 * Ordered term map from alternating canonical names and coefficients, zeros dropped.
	 */
	protected static Map<String, Double> terms(Object... namesAndCoefficients) {
		LinkedHashMap<String, Double> m = new LinkedHashMap<>();
		for (int i = 0; i < namesAndCoefficients.length; i += 2) {
			double c = ((Number) namesAndCoefficients[i + 1]).doubleValue();
			if (c != 0) {
				m.put((String) namesAndCoefficients[i], c);
			}
		}
		return Collections.unmodifiableMap(m);
	}

	public final String name() {
		return this.name;
	}

	/** 1 or 2 space dimensions. */
	public final int dimension() {
		return this.dimension;
	}

	/** Output field names, in field order. */
	public final List<String> fields() {
		return this.fields;
	}

	/**
	 * Whether fields {@code u, v} are integrated as one complex {@code psi = u + i v}.
	 */
	public final boolean complexState() {
		return this.complexState;
	}

	/** Number of integrated state components. */
	public final int components() {
		return this.complexState ? 1 : this.fields.size();
	}

	/** Parameter names and default values, in order. */
	public final Map<String, Double> defaultParameters() {
		return this.defaultParameters;
	}

	/** Initial condition names; the first is the default. */
	public final List<String> initialConditions() {
		return this.initialConditions;
	}

	/** The equation in words and symbols, with parameter names. */
	public abstract String description();

	/** Settings that give a data set good for discovery. */
	public abstract SimulationSettings defaultSettings();

	/**
	 * Throws an {@link IllegalArgumentException} when complete parameters are outside the
	 * equation's well-posed range.
	 */
	public void checkParameters(Map<String, Double> p) {
	}

	/**
	 * Initial values of each field (flat, y fastest) for a known initial condition.
	 */
	public abstract double[][] initialFields(String initialCondition, Map<String, Double> p, SimulationSettings s);

	/** lhs field -> canonical term -> coefficient, zero coefficients omitted. */
	public abstract Map<String, Map<String, Double>> trueEquation(Map<String, Double> p);

	/** The model on a grid of spacing {@code dx} (the smallest spacing). */
	public abstract SpectralModel model(Map<String, Double> p, SpectralGrid grid, double dx);

	/** Shorthand for a required parameter. */
	protected static double param(Map<String, Double> p, String name) {
		Double v = p.get(name);
		if (v == null) {
			throw new IllegalArgumentException("missing parameter '" + name + "'");
		}
		return v;
	}

	/** Parameter check helper: throws naming the equation, the parameter and the fix. */
	protected final void require(boolean ok, String parameter, double value, String rule) {
		if (!ok) {
			throw new IllegalArgumentException(
					"parameter '" + parameter + "' of " + this.name + " is " + value + " but must be " + rule);
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
