package io.physforge.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.physforge.platform.problem.ProblemException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller of the current request, read from the access token.
 * <p>
 * Ownership rule used by every service: another user's resource answers 404, an ADMIN
 * sees all; {@link #canAccess(String)} applies it.
 *
 * @param id the token's subject: the user's UUID as a string
 * @param email the user's e-mail address (their login name), may be {@code null} for
 * tokens without it
 * @param roles the user's roles ({@code ADMIN}, {@code RESEARCHER}, {@code VIEWER})
 */
public record CurrentUser(String id, String email, Set<String> roles) {

	/** Claim carrying the roles. */
	public static final String ROLES_CLAIM = "roles";

	/** Claim carrying the e-mail address. */
	public static final String EMAIL_CLAIM = "email";

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	/**
	 * The caller of the current request.
	 * @return the caller
	 * @throws ProblemException 401 when the request carries no valid token
	 */
	public static CurrentUser get() {
		return find().orElseThrow(() -> ProblemException.unauthorized("unauthorized",
				"This request needs a valid access token: send 'Authorization: Bearer <token>'."));
	}

	/**
	 * The caller of the current request, if it presented a valid token.
	 * @return the caller or empty
	 */
	public static Optional<CurrentUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(of(token.getToken()));
		}
		return Optional.empty();
	}

	/**
	 * The user a token speaks for.
	 * @param jwt a validated token
	 * @return its user
	 */
	public static CurrentUser of(Jwt jwt) {
		return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(EMAIL_CLAIM), rolesOf(jwt));
	}

	/**
	 * The roles claim of a token, upper-cased, in claim order.
	 * @param jwt the token
	 * @return its roles, empty when the claim is missing
	 */
	public static Set<String> rolesOf(Jwt jwt) {
		Object claim = jwt.getClaims().get(ROLES_CLAIM);
		Collection<?> values = (claim instanceof Collection<?> collection) ? collection
				: (claim instanceof String text) ? List.of(text.split("[ ,]+")) : List.of();
		Set<String> roles = new LinkedHashSet<>();
		for (Object value : values) {
			String role = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
			if (!role.isEmpty()) {
				roles.add(role);
			}
		}
		return roles;
	}

	/**
	 * @return the user id as a UUID
	 */
	public UUID uuid() {
		return UUID.fromString(this.id);
	}

	/**
	 * @param role a role name such as {@code RESEARCHER}
	 * @return whether the user has it
	 */
	public boolean hasRole(String role) {
		return this.roles.contains(role.toUpperCase(Locale.ROOT));
	}

	/**
	 * @return whether the user is an ADMIN
	 */
	public boolean isAdmin() {
		return hasRole(Roles.ADMIN);
	}

	/**
	 * @return whether the user may create and change resources (ADMIN or RESEARCHER)
	 */
	public boolean canWrite() {
		return isAdmin() || hasRole(Roles.RESEARCHER);
	}

	/**
	 * @param ownerId id of a resource's owner
	 * @return whether this user may see it: the owner or an ADMIN
	 */
	public boolean canAccess(String ownerId) {
		return isAdmin() || this.id.equals(ownerId);
	}

	/**
	 * @param ownerId id of a resource's owner
	 * @return whether this user may see it: the owner or an ADMIN
	 */
	public boolean canAccess(UUID ownerId) {
		return canAccess(String.valueOf(ownerId));
	}

}
