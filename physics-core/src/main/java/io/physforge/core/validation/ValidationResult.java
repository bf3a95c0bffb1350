package io.physforge.core.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a re-simulation.
 *
 * @param status {@code ok}, {@code diverged at t=...} or {@code skipped: reason}
 * @param method {@code etdrk4-spectral} (periodic) or {@code rk4-finite-difference}
 * @param relativeError relative L2 error over every field and output time up to the end
 * (or the divergence): {@code ||u_sim - u_data|| / ||u_data||}
 * @param finalRelativeError the same at the last simulated output time
 * @param simulatedTime the last output time reached
 * @param steps time steps taken
 * @param timeMillis wall time
 */
public record ValidationResult(String status, String method, double relativeError, double finalRelativeError,
		double simulatedTime, long steps, long timeMillis) {

	public boolean ok() {
		return this.status.equals("ok");
	}

	/** As a JSON-ready map (non-finite numbers left out). */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", this.status);
		m.put("method", this.method);
		if (Double.isFinite(this.relativeError)) {
			m.put("relativeError", this.relativeError);
		}
		if (Double.isFinite(this.finalRelativeError)) {
			m.put("finalRelativeError", this.finalRelativeError);
		}
		m.put("simulatedTime", this.simulatedTime);
		m.put("steps", this.steps);
		m.put("timeMillis", this.timeMillis);
		return m;
	}

}
