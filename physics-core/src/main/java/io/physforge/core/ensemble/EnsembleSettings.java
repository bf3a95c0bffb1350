package io.physforge.core.ensemble;

/**
 * Settings of a bootstrap ensemble ({@link Ensemble}).
 *
 * @param members number of bootstrap members; 0 turns the ensemble off
 * @param inclusionThreshold a term is in the reported model when at least this fraction
 * of the members (that had it in their library) kept it; 0.5 is a majority vote, the
 * natural default when no prior says that false positives cost more than false negatives
 * @param libraryFraction fraction of the library each member sees (library bagging); 1
 * for row bagging only
 * @param seed seed of the row and library draws
 */
public record EnsembleSettings(int members, double inclusionThreshold, double libraryFraction, long seed) {

	/** Default number of members when the ensemble is on. */
	public static final int DEFAULT_MEMBERS = 100;

	/** Default inclusion threshold: a majority of the members. */
	public static final double DEFAULT_INCLUSION_THRESHOLD = 0.5;

	public EnsembleSettings {
		if (members < 0 || members > 100_000) {
			throw new IllegalArgumentException("ensemble members must be 0 (off) to 100000, got " + members);
		}
		if (!(inclusionThreshold > 0 && inclusionThreshold <= 1)) {
			throw new IllegalArgumentException("inclusion threshold must be in (0, 1], got " + inclusionThreshold);
		}
		if (!(libraryFraction > 0 && libraryFraction <= 1)) {
			throw new IllegalArgumentException(
					"library fraction must be in (0, 1] (1 = no library bagging), got " + libraryFraction);
		}
	}

	/** No ensemble. */
	public static EnsembleSettings off() {
		return new EnsembleSettings(0, DEFAULT_INCLUSION_THRESHOLD, 1.0, 0L);
	}

	/** {@code members} row-bagging members, majority vote, no library bagging. */
	public static EnsembleSettings of(int members, long seed) {
		return new EnsembleSettings(members, DEFAULT_INCLUSION_THRESHOLD, 1.0, seed);
	}

	public boolean enabled() {
		return this.members > 0;
	}

	/** The settings as a map, for provenance. */
	public java.util.Map<String, Object> asMap() {
		java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("members", this.members);
		m.put("inclusionThreshold", this.inclusionThreshold);
		m.put("libraryFraction", this.libraryFraction);
		m.put("seed", this.seed);
		return m;
	}

}
