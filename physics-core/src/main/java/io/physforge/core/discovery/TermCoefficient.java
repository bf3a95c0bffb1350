package io.physforge.core.discovery;

import java.util.Objects;

/**
 * One term of a discovered equation.
 *
 * @param term the canonical term name ({@code u*u_x})
 * @param coefficient its coefficient
 */
public record TermCoefficient(String term, double coefficient) {

	public TermCoefficient {
		Objects.requireNonNull(term, "term");
	}

}
