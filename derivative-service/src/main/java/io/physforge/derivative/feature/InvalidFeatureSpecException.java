package io.physforge.derivative.feature;

import java.util.List;

import io.physforge.platform.problem.Problems.FieldError;

/**
 * A feature-set request that cannot be computed, with every offending field.
 */
public class InvalidFeatureSpecException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> errors;

	/**
	 * @param errors one entry per offending field, not empty
	 */
	public InvalidFeatureSpecException(List<FieldError> errors) {
		super(describe(errors));
		this.errors = List.copyOf(errors);
	}

	/**
	 * @return the offending fields
	 */
	public List<FieldError> errors() {
		return this.errors;
	}

	private static String describe(List<FieldError> errors) {
		return "invalid derivative request: "
				+ String.join("; ", errors.stream().map((e) -> e.field() + " " + e.message()).toList());
	}

}
