package io.physforge.auth.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored user; never serialised to clients (see {@link UserResponse}).
 *
 * @param id id, the tokens' subject
 * @param email e-mail, stored lower-case, the login name
 * @param displayName optional name to show
 * @param passwordHash encoded password ({@code {bcrypt}...})
 * @param roles roles
 * @param enabled whether the user may log in
 * @param createdAt creation time
 */
public record User(UUID id, String email, String displayName, String passwordHash, List<String> roles, boolean enabled,
		Instant createdAt) {

	/**
	 * @return the client's view of this user
	 */
	public UserResponse toResponse() {
		return new UserResponse(this.id, this.email, this.displayName, this.roles, this.enabled, this.createdAt);
	}

}
