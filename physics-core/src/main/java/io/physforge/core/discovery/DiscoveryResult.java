package io.physforge.core.discovery;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a discovery: JSON contract
 * {@code {"equations":[{"lhs":"u_t","terms":[{"term":"u*u_x","coefficient":-1.0}],"latex":"..."}],"metrics":{...},"provenance":{...}}}.
 * Fields may be added, never renamed.
 *
 * @param equations one equation per target field, in field order
 * @param metrics fit metrics: {@code rows}, {@code librarySize}, {@code timeMillis},
 * {@code library} (term names), and per lhs {@code equations.<lhs>.r2},
 * {@code .relativeResidual}, {@code .testResidual}, {@code .tolerance}
 * @param provenance inputs, settings, seed, version, time
 */
public record DiscoveryResult(List<DiscoveredEquation> equations, Map<String, Object> metrics, Provenance provenance) {

	public DiscoveryResult {
		equations = List.copyOf(equations);
		metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
		Objects.requireNonNull(provenance, "provenance");
	}

	/** The equation for the given lhs ({@code u_t}). */
	public DiscoveredEquation equation(String lhs) {
		return this.equations.stream()
			.filter((e) -> e.lhs().equals(lhs))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no equation for " + lhs));
	}

	/** The same result attributed to another input. */
	public DiscoveryResult withInput(String input, String sha256) {
		return new DiscoveryResult(this.equations, this.metrics, this.provenance.withInput(input, sha256));
	}

}
