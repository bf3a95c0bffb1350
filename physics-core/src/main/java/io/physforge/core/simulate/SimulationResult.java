package io.physforge.core.simulate;

import java.util.Objects;

import io.physforge.core.field.Field;

/**
 * A simulated data set and its provenance.
 *
 * @param field the values on the grid {@code (t, x[, y])}
 * @param provenance how they were made
 */
public record SimulationResult(Field field, SimulationProvenance provenance) {

	public SimulationResult {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(provenance, "provenance");
	}

}
