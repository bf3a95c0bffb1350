package io.physforge.core.simulate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a simulated data set came from. Simulations are deterministic (no seed): the same
 * equation, parameters, settings and software version give the same values.
 *
 * @param equation built-in equation name
 * @param parameters the complete parameters used (defaults filled in)
 * @param settings the settings used
 * @param trueEquation the equation in canonical terms, as
 * {@link Simulations#trueEquation(String, Map)}
 * @param method the numerical method
 * @param steps internal time steps taken
 * @param minTimeStep smallest internal step (0 when only the initial time was output)
 * @param maxTimeStep largest internal step
 * @param softwareVersion physics-core version
 * @param createdAt when the run started
 * @param elapsedMillis wall-clock duration of the run
 */
public record SimulationProvenance(String equation, Map<String, Double> parameters, SimulationSettings settings,
		Map<String, Map<String, Double>> trueEquation, String method, long steps, double minTimeStep,
		double maxTimeStep, String softwareVersion, Instant createdAt, long elapsedMillis) {

	public SimulationProvenance {
		parameters = Map.copyOf(parameters);
		trueEquation = Map.copyOf(trueEquation);
	}

	/**
	 * A JSON-friendly map of plain values (strings, numbers, lists, maps) for storage and
	 * reports.
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> settingsMap = new LinkedHashMap<>();
		settingsMap.put("xMin", this.settings.xMin());
		settingsMap.put("xLength", this.settings.xLength());
		settingsMap.put("nx", this.settings.nx());
		if (this.settings.twoDimensional()) {
			settingsMap.put("yMin", this.settings.yMin());
			settingsMap.put("yLength", this.settings.yLength());
			settingsMap.put("ny", this.settings.ny());
		}
		settingsMap.put("times", java.util.Arrays.stream(this.settings.times()).boxed().toList());
		settingsMap.put("initialCondition", this.settings.initialCondition());
		settingsMap.put("timeStep", this.settings.timeStep());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("equation", this.equation);
		m.put("parameters", new LinkedHashMap<>(this.parameters));
		m.put("settings", settingsMap);
		m.put("trueEquation", this.trueEquation);
		m.put("method", this.method);
		m.put("steps", this.steps);
		m.put("minTimeStep", this.minTimeStep);
		m.put("maxTimeStep", this.maxTimeStep);
		m.put("softwareVersion", this.softwareVersion);
		m.put("createdAt", this.createdAt.toString());
		m.put("elapsedMillis", this.elapsedMillis);
		return m;
	}

}
