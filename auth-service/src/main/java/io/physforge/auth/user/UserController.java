package io.physforge.auth.user;

import java.util.List;
import java.util.UUID;

import io.physforge.auth.config.AuthProperties;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.ClientAddressFilter;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration, the caller's account, and user management (ADMIN) under
 * {@code /api/auth}.
 */
@RestController
@RequestMapping("/api/auth")
class UserController {

	private final UserService service;

	private final UserRepository users;

	private final AuthProperties properties;

	UserController(UserService service, UserRepository users, AuthProperties properties) {
		this.service = service;
		this.users = users;
		this.properties = properties;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse register(@Valid @RequestBody UserRequests.Register request) {
		if (this.properties.registration() == AuthProperties.Registration.ADMIN_ONLY
				&& !CurrentUser.find().map(CurrentUser::isAdmin).orElse(false)) {
			throw ProblemException.forbidden("registration-closed",
					"Registration is limited to administrators (physforge.auth.registration=admin-only); "
							+ "ask an administrator to create your account.");
		}
		return this.service
			.create(request.email(), request.password(), request.displayName(), List.of(Roles.RESEARCHER))
			.toResponse();
	}

	@GetMapping("/me")
	UserResponse me() {
		CurrentUser caller = CurrentUser.get();
		return this.users.findById(caller.uuid())
			.filter(User::enabled)
			.orElseThrow(() -> ProblemException.unauthorized("unknown-user",
					"Your account no longer exists or is disabled."))
			.toResponse();
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody UserRequests.ChangePassword request, HttpServletRequest http) {
		this.service.changePassword(CurrentUser.get().uuid(), request.currentPassword(), request.newPassword(),
				ClientAddressFilter.clientAddress(http));
	}

	@GetMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	UserPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return new UserPage(this.users.page(page, size).stream().map(User::toResponse).toList(), page, size,
				this.users.count());
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	UserResponse create(@Valid @RequestBody UserRequests.Create request) {
		return this.service
			.create(request.email(), request.password(), request.displayName(),
					request.roles().stream().distinct().toList())
			.toResponse();
	}

	@GetMapping("/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	UserResponse get(@PathVariable UUID id) {
		return this.service.get(id).toResponse();
	}

	@PatchMapping("/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	UserResponse update(@PathVariable UUID id, @Valid @RequestBody UserRequests.Update request) {
		return this.service.update(id, request).toResponse();
	}

	@DeleteMapping("/users/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.service.delete(id);
	}

	/**
	 * A page of users.
	 *
	 * @param items the users on this page
	 * @param page page number, from 0
	 * @param size page size
	 * @param total number of users
	 */
	record UserPage(List<UserResponse> items, int page, int size, long total) {
	}

}
