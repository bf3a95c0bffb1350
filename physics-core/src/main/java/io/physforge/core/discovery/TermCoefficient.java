package io.physforge.core.discovery;

import java.util.Objects;

/**
 * One term of a discovered equation with its uncertainty.
 *
 * <p>
 * With an ensemble ({@link io.physforge.core.ensemble.Ensemble}) {@code inclusion} is the
 * fraction of bootstrap members whose sparse regression kept the term and {@code ci} the
 * 2.5/97.5 percentile interval of the member coefficients (zeros of members that dropped
 * the term counted), translated to be centred on the reported coefficient as the members
 * are on their median ({@link io.physforge.core.ensemble.EnsembleResult#ciAround}).
 * Without one, {@code inclusion} is 1 and {@code ci} is the 95% least-squares interval
 * {@code coefficient +- 1.96 se} (the weak form's standard errors are inflated for the
 * overlap of the test functions).
 *
 * @param term the canonical term name ({@code u*u_x})
 * @param coefficient its coefficient
 * @param ci two-element interval {@code [lo, hi]}; {@code null} (e.g. stored before the
 * field existed) becomes {@code [coefficient, coefficient]}
 * @param inclusion inclusion probability in [0, 1]
 */
public record TermCoefficient(String term, double coefficient, double[] ci, double inclusion) {

	public TermCoefficient {
		Objects.requireNonNull(term, "term");
		if (ci == null) {
			ci = new double[] { coefficient, coefficient };
		}
		else if (ci.length != 2) {
			throw new IllegalArgumentException(
					"ci of term " + term + " must have 2 entries [lo, hi], got " + ci.length);
		}
		else {
			ci = ci.clone();
		}
	}

	/**
	 * A point estimate without uncertainty: inclusion 1, interval
	 * {@code [coefficient, coefficient]}.
	 */
	public TermCoefficient(String term, double coefficient) {
		this(term, coefficient, null, 1.0);
	}

	/** A least-squares estimate: inclusion 1 and {@code coefficient +- 1.96 se}. */
	public static TermCoefficient withStandardError(String term, double coefficient, double standardError) {
		double h = Double.isFinite(standardError) ? 1.959963984540054 * standardError : 0;
		return new TermCoefficient(term, coefficient, new double[] { coefficient - h, coefficient + h }, 1.0);
	}

	@Override
	public double[] ci() {
		return this.ci.clone();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof TermCoefficient t && t.term.equals(this.term)
				&& Double.compare(t.coefficient, this.coefficient) == 0 && java.util.Arrays.equals(t.ci, this.ci)
				&& Double.compare(t.inclusion, this.inclusion) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.term, this.coefficient, java.util.Arrays.hashCode(this.ci), this.inclusion);
	}

	@Override
	public String toString() {
		return this.term + "=" + this.coefficient + " ci=" + java.util.Arrays.toString(this.ci) + " inclusion="
				+ this.inclusion;
	}

}
