package io.physforge.data.synthetic;

import java.util.List;
import java.util.Map;

/**
 * A built-in simulator as {@code GET /api/data/simulators} lists it.
 *
 * @param name its name
 * @param description the equation in words and symbols
 * @param fields output fields
 * @param dimension space dimensions
 * @param parameters parameter defaults
 * @param initialConditions initial conditions, the default first
 * @param defaults the default grid and times
 */
public record Simulator(String name, String description, List<String> fields, int dimension,
		Map<String, Double> parameters, List<String> initialConditions, SimulationRequest.GridSpec defaults) {

}
