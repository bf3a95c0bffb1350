package io.physforge.core.selection;

import java.util.List;
import java.util.Map;

/**
 * One model on the sparsity path.
 *
 * @param terms canonical names of the support, in library order
 * @param coefficients least-squares coefficients of the support on all rows, by term
 * @param complexity number of terms
 * @param relativeResidual {@code ||y - X w|| / ||y||} on all rows
 * @param aic {@code n ln(RSS / n) + 2 k}
 * @param bic {@code n ln(RSS / n) + k ln n}
 * @param pareto whether no other candidate is at most as complex and has a smaller error
 * @param chosen whether this is the reported model
 */
public record Candidate(List<String> terms, Map<String, Double> coefficients, int complexity, double relativeResidual,
		double aic, double bic, boolean pareto, boolean chosen) {

	public Candidate {
		terms = List.copyOf(terms);
		coefficients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coefficients));
	}

	Candidate with(boolean newPareto, boolean newChosen) {
		return new Candidate(this.terms, this.coefficients, this.complexity, this.relativeResidual, this.aic, this.bic,
				newPareto, newChosen);
	}

	/** As a JSON-ready map. */
	public Map<String, Object> asMap() {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("terms", this.terms);
		m.put("coefficients", this.coefficients);
		m.put("complexity", this.complexity);
		m.put("relativeResidual", this.relativeResidual);
		m.put("aic", this.aic);
		m.put("bic", this.bic);
		m.put("pareto", this.pareto);
		m.put("chosen", this.chosen);
		return m;
	}

}
