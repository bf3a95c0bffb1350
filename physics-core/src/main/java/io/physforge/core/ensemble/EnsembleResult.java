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

	/**
	 * The member interval of term {@code j} translated by {@code estimate - median}, so
	 * that it is centred on the reported (refitted on all rows) coefficient as the
	 * members are on their median; an end at exactly 0 (members that dropped the term)
	 * stays at 0. The reported {@code ci} of a term.
	 */
	public double[] ciAround(int j, double estimate) {
		double shift = (this.median[j] != 0) ? estimate - this.median[j] : 0;
		double lo = (this.lower[j] == 0) ? 0 : this.lower[j] + shift;
		double hi = (this.upper[j] == 0) ? 0 : this.upper[j] + shift;
		return new double[] { Math.min(lo, hi), Math.max(lo, hi) };
	}

	/** Interval {@code [lower, upper]} of term {@code j}. */
	public double[] ci(int j) {
		return new double[] { this.lower[j], this.upper[j] };
	}

}
