package io.physforge.pinntraining.job;

import java.util.LinkedHashMap;
import java.util.Map;

import io.physforge.pinn.PinnSettings;

/**
 * What a training job runs with: pinn-engine's settings and the relative noise added to
 * the data first (0 for none; drawn with the settings' seed).
 *
 * @param settings the PINN settings
 * @param noise noise relative to each field's standard deviation, 0 to 1
 */
public record TrainingConfig(PinnSettings settings, double noise) {

	/**
	 * The configuration as job parameters ({@link TrainingParams#read} reads them back):
	 * {@link PinnSettings#asMap()} plus {@code noise} when noise is added.
	 * @return JSON-ready values
	 */
	public Map<String, Object> params() {
		Map<String, Object> map = new LinkedHashMap<>(this.settings.asMap());
		if (this.noise > 0) {
			map.put(TrainingParams.NOISE, this.noise);
		}
		return map;
	}

	/**
	 * The configuration as stored and shown: {@link PinnSettings#asMap()} plus
	 * {@code noise} and {@code noiseSeed} when noise is added.
	 * @return JSON-ready values
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>(this.settings.asMap());
		if (this.noise > 0) {
			map.put(TrainingParams.NOISE, this.noise);
			map.put("noiseSeed", this.settings.seed());
		}
		return map;
	}

}
