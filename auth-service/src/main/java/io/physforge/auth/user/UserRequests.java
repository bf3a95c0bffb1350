package io.physforge.auth.user;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the user endpoints.
 */
final class UserRequests {

	static final String ROLE_PATTERN = "ADMIN|RESEARCHER|VIEWER|AUDITOR";

	static final String ROLE_MESSAGE = "must be one of ADMIN, RESEARCHER, VIEWER, AUDITOR";

	private UserRequests() {
	}

	/** {@code POST /register}. */
	record Register(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(min = 8, max = 128) String password,
			@Size(max = 100) String displayName) {
	}

	/** {@code POST /users} (ADMIN). */
	record Create(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(min = 8, max = 128) String password,
			@Size(max = 100) String displayName,
			@NotEmpty List<@NotNull @Pattern(regexp = ROLE_PATTERN, message = ROLE_MESSAGE) String> roles) {
	}

	/** {@code PATCH /users/{id}} (ADMIN); absent members stay as they are. */
	record Update(@Size(min = 1) List<@NotNull @Pattern(regexp = ROLE_PATTERN, message = ROLE_MESSAGE) String> roles,
			Boolean enabled, @Size(max = 100) String displayName) {
	}

	/** {@code POST /password}. */
	record ChangePassword(@NotBlank String currentPassword, @NotNull @Size(min = 8, max = 128) String newPassword) {
	}

}
