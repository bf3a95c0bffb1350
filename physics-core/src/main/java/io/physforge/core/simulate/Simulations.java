package io.physforge.core.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.simulate.internal.Equations;
import io.physforge.core.simulate.internal.SpectralEquation;
import io.physforge.core.simulate.internal.SpectralSolver;

/**
 * Built-in simulators of periodic evolution equations {@code u_t = L u + N(u)} in 1-D and
 * 2-D, producing data sets for equation discovery.
 *
 * <p>
 * <b>Method.</b> Fourier pseudo-spectral in space, with the nonlinear terms dealiased by
 * the 2/3 rule (Orszag, J. Atmos. Sci. 28, 1971); exponential time differencing RK4 in
 * time (ETDRK4, Cox &amp; Matthews, J. Comput. Phys. 176, 2002) with the coefficients
 * evaluated by the contour integrals of Kassam &amp; Trefethen, "Fourth-order
 * time-stepping for stiff PDEs", SIAM J. Sci. Comput. 26(4), 2005. The stiff linear part
 * is integrated exactly; the internal step is chosen from the current state ({@code h <=
 * 0.25 dx / max|speed|} for advective nonlinearities, {@code h <= 0.1 / max|dN/du|} for
 * reactions) unless {@link SimulationSettings#timeStep()} caps it, and always divides the
 * output interval, so outputs fall exactly on the requested times.
 *
 * <p>
 * <b>Built-ins</b> (name: equation, parameters with defaults):
 * <ul>
 * <li>{@code heat}: {@code u_t = nu*u_xx}; nu=0.1</li>
 * <li>{@code advection-diffusion}: {@code u_t = -c*u_x + nu*u_xx}; c=1, nu=0.1</li>
 * <li>{@code burgers}: {@code u_t = -u*u_x + nu*u_xx}; nu=0.1</li>
 * <li>{@code kdv}: {@code u_t = -a*u*u_x - b*u_xxx}; a=6, b=1</li>
 * <li>{@code kuramoto-sivashinsky}: {@code u_t = -u*u_x - u_xx - u_xxxx}; none</li>
 * <li>{@code allen-cahn}: {@code u_t = eps*u_xx + u - u^3}; eps=0.01</li>
 * <li>{@code fisher-kpp}: {@code u_t = D*u_xx + r*u - r*u^2}; D=1, r=1</li>
 * <li>{@code nls}: {@code i psi_t + a psi_xx + b|psi|^2 psi = 0}, {@code psi = u + i v}:
 * {@code u_t = -a*v_xx - b*u^2*v - b*v^3}, {@code v_t = a*u_xx + b*u^3 + b*u*v^2}; a=0.5,
 * b=1</li>
 * <li>{@code reaction-diffusion} (2-D, fields u, v): PDE-FIND's lambda-omega system,
 * {@code u_t = d1*u_xx + d1*u_yy + u - u^3 - u*v^2 + beta*u^2*v + beta*v^3},
 * {@code v_t = d2*v_xx + d2*v_yy + v - beta*u^3 - beta*u*v^2 - u^2*v - v^3}; d1=0.1,
 * d2=0.1, beta=1</li>
 * </ul>
 * The default settings of burgers, kdv, kuramoto-sivashinsky and nls are the grids, times
 * and initial conditions of the PDE-FIND data sets (Rudy et al., Sci. Adv. 2017).
 *
 * <p>
 * <b>Measured accuracy</b> (max absolute error; SimulationsTest,
 * SimulationsReferenceTest, Etdrk4Test): heat and advection-diffusion match the exact
 * Fourier solution to 1.3e-15; a KdV soliton (256 points on [-30, 30), t &lt;= 5) the
 * exact travelling soliton to 1.9e-7; the NLS standing soliton to 2.1e-7; uniform
 * reaction-diffusion its ODE solution to 9.0e-8; the time error falls 14-15x per halved
 * step (fourth order). With default settings the PDE-FIND data sets are reproduced to:
 * burgers 2.7e-8 (solution max 1); kdv 1.4e-5 (max 0.5; this does not shrink with a
 * smaller step, so it is the reference's own error); nls 1.5e-4 (max 3.7; 2.3e-5 with
 * timeStep 9e-4); kuramoto-sivashinsky 1.3e-7 for t &lt;= 30 and 4.1e-5 up to t = 100
 * (chaotic: differences grow).
 *
 * <p>
 * <b>Speed</b> (BenchSimulations, default settings, CPU time of one core after warm-up):
 * heat 16 ms, burgers 46 ms (101 x 256), kdv 66 ms (201 x 512), nls 60 ms (501 x 512),
 * kuramoto-sivashinsky 0.62 s (251 x 1024, 9256 steps), reaction-diffusion 1.4 s (101 x
 * 128 x 128). The first run in a JVM adds JIT warm-up (about 1 s).
 */
public final class Simulations {

	/** The numerical method, as recorded in provenance. */
	public static final String METHOD = "Fourier pseudo-spectral, 2/3-rule dealiasing; ETDRK4 "
			+ "(Cox & Matthews 2002) with Kassam & Trefethen (2005) contour-integral coefficients";

	private Simulations() {
	}

	/** Names of the built-in equations. */
	public static List<String> names() {
		return Equations.names();
	}

	/** The named equation in words and symbols. */
	public static String description(String name) {
		return Equations.byName(name).description();
	}

	/** Output field names of the named equation, in field order. */
	public static List<String> fields(String name) {
		return Equations.byName(name).fields();
	}

	/** Space dimensions (1 or 2) of the named equation. */
	public static int dimension(String name) {
		return Equations.byName(name).dimension();
	}

	/** Parameter names and defaults of the named equation, in order. */
	public static Map<String, Double> defaultParameters(String name) {
		return Equations.byName(name).defaultParameters();
	}

	/** Initial condition names of the named equation; the first is the default. */
	public static List<String> initialConditions(String name) {
		return Equations.byName(name).initialConditions();
	}

	/**
	 * Default settings of the named equation: a data set with enough dynamics for
	 * discovery.
	 */
	public static SimulationSettings defaultSettings(String name) {
		return Equations.byName(name).defaultSettings();
	}

	/**
	 * The equation in canonical terms: lhs field ({@code "u"}) -> canonical term
	 * ({@code "u*u_x"}) -> coefficient; terms with zero coefficient are left out.
	 * @param params parameters to override (missing ones take their defaults); may be
	 * {@code null}
	 */
	public static Map<String, Map<String, Double>> trueEquation(String name, Map<String, Double> params) {
		SpectralEquation e = Equations.byName(name);
		Map<String, Map<String, Double>> byField = e.trueEquation(complete(e, params));
		Map<String, Map<String, Double>> ordered = new LinkedHashMap<>();
		for (String f : e.fields()) {
			ordered.put(f, byField.get(f));
		}
		return Collections.unmodifiableMap(ordered);
	}

	/** Runs the named equation with its default parameters and settings. */
	public static Field simulate(String name) {
		return simulate(name, null, null);
	}

	/**
	 * Runs a built-in simulation.
	 * @param name a name from {@link #names()}
	 * @param params parameters to override (missing ones take their defaults); may be
	 * {@code null}
	 * @param settings grid, times, initial condition; {@code null} for
	 * {@link #defaultSettings(String)}
	 * @return the fields on the grid {@code (t, x)} or {@code (t, x, y)}
	 * @throws IllegalArgumentException for an unknown name, parameter or initial
	 * condition, or settings of the wrong dimension, with the fix in the message
	 * @throws IllegalStateException when the solution blows up
	 */
	public static Field simulate(String name, Map<String, Double> params, SimulationSettings settings) {
		return simulateWithProvenance(name, params, settings).field();
	}

	/**
	 * As {@link #simulate(String, Map, SimulationSettings)}, with provenance.
	 */
	public static SimulationResult simulateWithProvenance(String name, Map<String, Double> params,
			SimulationSettings settings) {
		SpectralEquation e = Equations.byName(name);
		Map<String, Double> p = complete(e, params);
		SimulationSettings s = (settings != null) ? settings : e.defaultSettings();
		check(e, s);
		Instant start = Instant.now();
		long t0 = System.nanoTime();
		SpectralSolver.Outcome outcome = SpectralSolver.solve(e, p, s);
		long elapsed = (System.nanoTime() - t0) / 1_000_000;
		List<Axis> axes = new ArrayList<>();
		axes.add(new Axis("t", s.times()));
		axes.add(new Axis("x", s.xCoordinates()));
		if (s.twoDimensional()) {
			axes.add(new Axis("y", s.yCoordinates()));
		}
		Map<String, double[]> values = new LinkedHashMap<>();
		for (int f = 0; f < e.fields().size(); f++) {
			values.put(e.fields().get(f), outcome.fields()[f]);
		}
		Field field = new Field(new Grid(axes), values);
		SimulationProvenance provenance = new SimulationProvenance(e.name(), p, s, trueEquation(name, p), METHOD,
				outcome.steps(), outcome.minStep(), outcome.maxStep(), version(), start, elapsed);
		return new SimulationResult(field, provenance);
	}

	private static Map<String, Double> complete(SpectralEquation e, Map<String, Double> params) {
		Map<String, Double> p = new LinkedHashMap<>(e.defaultParameters());
		if (params != null) {
			for (Map.Entry<String, Double> entry : params.entrySet()) {
				if (!p.containsKey(entry.getKey())) {
					throw new IllegalArgumentException("unknown parameter '" + entry.getKey() + "' for " + e.name()
							+ "; its parameters are " + e.defaultParameters().keySet());
				}
				Double v = entry.getValue();
				if (v == null || !Double.isFinite(v)) {
					throw new IllegalArgumentException(
							"parameter '" + entry.getKey() + "' of " + e.name() + " must be a finite number, got " + v);
				}
				p.put(entry.getKey(), v);
			}
		}
		e.checkParameters(p);
		return p;
	}

	private static void check(SpectralEquation e, SimulationSettings s) {
		if (e.dimension() == 1 && s.twoDimensional()) {
			throw new IllegalArgumentException(e.name() + " is 1-D but the settings have ny=" + s.ny()
					+ "; use SimulationSettings.oneDimensional or withY(0, 0, 0)");
		}
		if (e.dimension() == 2 && !s.twoDimensional()) {
			throw new IllegalArgumentException(
					e.name() + " is 2-D but the settings have ny=0; set a y grid with withY(yMin, yLength, ny)");
		}
		if (!e.initialConditions().contains(s.initialCondition())) {
			throw new IllegalArgumentException("unknown initial condition '" + s.initialCondition() + "' for "
					+ e.name() + "; known: " + e.initialConditions());
		}
		long points = (long) s.timeCount() * s.nx() * Math.max(1, s.ny());
		if (points > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("the output would hold " + points
					+ " values per field, more than one Java array; use fewer times or grid points");
		}
	}

	private static String version() {
		String v = Simulations.class.getPackage().getImplementationVersion();
		return (v != null) ? v : "development";
	}

}
