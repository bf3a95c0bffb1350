package io.physforge.platform.security;

import java.util.List;

/**
 * The roles PhysForge knows, as they appear in the access token's {@code roles} claim.
 * Spring Security sees them as {@code ROLE_ADMIN}, ... so
 * {@code @PreAuthorize("hasRole('ADMIN')")} works.
 */
public final class Roles {

	/** Manages users and keys, sees every resource. */
	public static final String ADMIN = "ADMIN";

	/** Creates and runs data sets, pipelines and experiments; sees their own. */
	public static final String RESEARCHER = "RESEARCHER";

	/** Reads only. */
	public static final String VIEWER = "VIEWER";

	/**
	 * Reads and verifies the audit log (every user's events), nothing else; ADMIN may do
	 * the same.
	 */
	public static final String AUDITOR = "AUDITOR";

	/** Every role, most powerful first. */
	public static final List<String> ALL = List.of(ADMIN, RESEARCHER, VIEWER, AUDITOR);

	private Roles() {
	}

}
