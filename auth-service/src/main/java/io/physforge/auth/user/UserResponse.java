package io.physforge.auth.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as clients see it.
 *
 * @param id user id
 * @param email e-mail (login name)
 * @param displayName name to show, may be {@code null}
 * @param roles roles
 * @param enabled whether the user may log in
 * @param createdAt creation time
 */
public record UserResponse(UUID id, String email, String displayName, List<String> roles, boolean enabled,
		Instant createdAt) {

}
