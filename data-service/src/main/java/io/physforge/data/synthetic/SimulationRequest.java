package io.physforge.data.synthetic;

import java.util.Map;

/**
 * Request of {@code POST /api/data/datasets/simulate}. Everything but {@code equation} is
 * optional and defaults to the simulator's own defaults.
 *
 * @param equation a built-in name ({@code burgers}, {@code kdv}, {@code heat}, ...; see
 * {@code GET /api/data/simulators})
 * @param parameters parameter overrides ({@code {"nu": 0.05}})
 * @param noise noise level relative to each field's standard deviation ({@code 0.01} = 1
 * %), default 0
 * @param seed seed of the noise, default 0
 * @param grid grid and time overrides
 * @param initialCondition one of the equation's initial conditions
 * @param name data set name, default {@code "<equation> simulation"}
 * @param description free text
 */
public record SimulationRequest(String equation, Map<String, Double> parameters, Double noise, Long seed, GridSpec grid,
		String initialCondition, String name, String description) {

	/**
	 * Grid and output-time overrides; {@code null} components keep the defaults.
	 *
	 * @param xMin first x coordinate
	 * @param xLength period along x
	 * @param nx points along x (even, at least 8)
	 * @param yMin first y coordinate (2-D equations)
	 * @param yLength period along y (2-D equations)
	 * @param ny points along y (2-D equations)
	 * @param tStart first output time
	 * @param tEnd last output time
	 * @param nt number of output times
	 */
	public record GridSpec(Double xMin, Double xLength, Integer nx, Double yMin, Double yLength, Integer ny,
			Double tStart, Double tEnd, Integer nt) {

	}

}
