package io.physforge.suite.infra;

/**
 * Where a piece of infrastructure came from.
 */
public enum Origin {

	/**
	 * Given by an environment variable ({@code PF_DB_URL}, {@code PF_REDIS_URL}, ...).
	 */
	CONFIGURED,

	/** Found answering on its default local port. */
	FOUND,

	/**
	 * Started embedded by {@link LocalInfrastructure}; stopped by its {@code close()}.
	 */
	EMBEDDED

}
