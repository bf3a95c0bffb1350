package io.physforge.orchestration.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of step a pipeline may hold; each is run by the worker of the service that
 * owns it, consuming {@code pf:jobs:<name>}.
 */
public enum StepType {

	/**
	 * Fit a physics-informed neural network to denoise the data (pinn-training-service).
	 */
	PINN,

	/** Compute derivative features (derivative-service). */
	DERIVATIVES,

	/** Sparse regression discovery of the PDE (pde-discovery-service). */
	DISCOVERY,

	/** Symbolic regression (pde-discovery-service). */
	SYMBOLIC,

	/** Propose the next experiment (active-experiment-service). */
	EXPERIMENT,

	/** Write a report (reporting-service). */
	REPORT;

	/**
	 * @return the lower-case name used in requests and as the queue name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The type of a name.
	 * @param name a name such as {@code discovery}
	 * @return the type, empty if unknown
	 */
	public static Optional<StepType> of(String name) {
		if (name == null) {
			return Optional.empty();
		}
		return Arrays.stream(values())
			.filter((type) -> type.id().equals(name.trim().toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	/**
	 * @return every type's name
	 */
	public static List<String> ids() {
		return Arrays.stream(values()).map(StepType::id).toList();
	}

}
