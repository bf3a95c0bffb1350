package io.physforge.core.ensemble;

/**
 * Per-term statistics of an ensemble, indexed like the library columns.
 *
 * @param members number of members
 * @param rowsPerMember rows drawn (with replacement) by each member
 * @param inclusion fraction of the members that had the term in their library and kept it
 * (non-zero coefficient)
 * @param lower 2.5% percentile of the member coefficients, zeros of members that dropped
 * the term counted
 * @param upper 97.5% percentile, likewise
 * @param median median member coefficient, likewise
 * @param support {@code inclusion >= inclusionThreshold}
 */
public record EnsembleResult(int members, int rowsPerMember, double[] inclusion, double[] lower, double[] upper,
		double[] median, boolean[] support) {

	/** Interval {@code [lower, upper]} of term {@code j}. */
	public double[] ci(int j) {
		return new double[] { this.lower[j], this.upper[j] };
	}

}
