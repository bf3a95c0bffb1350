package io.physforge.core.discovery;

import java.util.Map;
import java.util.Objects;

/**
 * Where a discovery result came from.
 *
 * @param input a description of the input (a file name, or {@code field} for in-memory
 * data)
 * @param inputSha256 SHA-256 (hex) of the input file, or of the data values (axes and
 * fields, little-endian doubles) for in-memory data
 * @param settings the discovery settings and the derived regression and derivative
 * settings
 * @param seed the seed of every random choice (row subsampling, train/test split)
 * @param version the physics-core version
 * @param timestamp when the discovery ran (ISO-8601, UTC)
 */
public record Provenance(String input, String inputSha256, Map<String, Object> settings, long seed, String version,
		String timestamp) {

	public Provenance {
		Objects.requireNonNull(input, "input");
		Objects.requireNonNull(inputSha256, "inputSha256");
		settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
	}

	/** The same provenance for another input (a file read by the caller). */
	public Provenance withInput(String newInput, String newSha256) {
		return new Provenance(newInput, newSha256, this.settings, this.seed, this.version, this.timestamp);
	}

}
