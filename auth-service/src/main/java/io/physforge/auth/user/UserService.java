package io.physforge.auth.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.physforge.auth.keys.AccessTokens;
import io.physforge.auth.session.LoginThrottle;
import io.physforge.auth.session.RefreshTokens;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.problem.Problems;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.security.Roles;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and removing users.
 */
@Service
public class UserService {

	private final UserRepository users;

	private final RefreshTokens refreshTokens;

	private final PasswordEncoder passwords;

	private final AuditRecorder audit;

	private final LoginThrottle throttle;

	private final AccessTokens accessTokens;

	UserService(UserRepository users, RefreshTokens refreshTokens, PasswordEncoder passwords, AuditRecorder audit,
			LoginThrottle throttle, AccessTokens accessTokens) {
		this.throttle = throttle;
		this.accessTokens = accessTokens;
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.audit = audit;
	}

	/**
	 * Creates a user.
	 * @param email e-mail
	 * @param password password in clear
	 * @param displayName optional name
	 * @param roles roles
	 * @return the user
	 * @throws ProblemException 409 {@code email-taken}
	 */
	@Transactional
	public User create(String email, String password, String displayName, List<String> roles) {
		return create(email, password, displayName, roles, false);
	}

	/**
	 * Creates a user on the service's own account (the administrator created on start):
	 * recorded with actor {@code system}.
	 * @param email e-mail
	 * @param password password in clear
	 * @param displayName optional name
	 * @param roles roles
	 * @return the user
	 * @throws ProblemException 409 {@code email-taken}
	 */
	@Transactional
	public User createBySystem(String email, String password, String displayName, List<String> roles) {
		return create(email, password, displayName, roles, true);
	}

	private User create(String email, String password, String displayName, List<String> roles, boolean bySystem) {
		User user = new User(UUID.randomUUID(), UserRepository.normalize(email), blankToNull(displayName),
				this.passwords.encode(password), List.copyOf(roles), true, Instant.now());
		if (!this.users.insert(user)) {
			throw ProblemException.conflict("email-taken",
					"A user with e-mail " + user.email() + " already exists; log in or use another address.");
		}
		AuditEvent.Builder event = AuditEvent.builder("auth.register", "user")
			.resourceId(user.id())
			.details(Map.of("roles", user.roles()));
		if (bySystem) {
			event.system();
		}
		else if (CurrentUser.find().isEmpty()) {
			event.actor(user.id().toString(), user.roles()); // self-registration
		}
		this.audit.record(event);
		return this.users.findById(user.id()).orElseThrow();
	}

	User get(UUID id) {
		return this.users.findById(id).orElseThrow(() -> ProblemException.notFound("user", id));
	}

	@Transactional
	User update(UUID id, UserRequests.Update request) {
		User user = get(id);
		List<String> roles = (request.roles() != null) ? List.copyOf(request.roles()) : user.roles();
		boolean enabled = (request.enabled() != null) ? request.enabled() : user.enabled();
		String displayName = (request.displayName() != null) ? blankToNull(request.displayName()) : user.displayName();
		boolean staysAdmin = enabled && roles.contains(Roles.ADMIN);
		if (user.roles().contains(Roles.ADMIN) && user.enabled() && !staysAdmin) {
			requireAnotherAdmin(id);
		}
		this.users.update(id, roles, enabled, displayName);
		if (!enabled || !sorted(roles).equals(sorted(user.roles()))) {
			this.accessTokens.revokeAll(id);
		}
		this.audit.record(AuditEvent.builder("auth.user.update", "user")
			.resourceId(id)
			.details(Map.of("enabled", enabled, "displayNameChanged", !Objects.equals(displayName, user.displayName()),
					"roles", roles)));
		if (!sorted(roles).equals(sorted(user.roles()))) {
			this.audit.record(AuditEvent.builder("auth.role.change", "user")
				.resourceId(id)
				.details(Map.of("old", sorted(user.roles()), "new", sorted(roles))));
		}
		return get(id);
	}

	@Transactional
	void delete(UUID id) {
		User user = get(id);
		if (user.roles().contains(Roles.ADMIN) && user.enabled()) {
			requireAnotherAdmin(id);
		}
		this.users.delete(id);
		this.accessTokens.revokeAll(id);
		this.audit.record(AuditEvent.builder("auth.user.delete", "user").resourceId(id));
	}

	@Transactional
	void changePassword(UUID id, String current, String replacement, String client) {
		User user = this.users.findById(id)
			.orElseThrow(() -> ProblemException.unauthorized("unknown-user", "Your account no longer exists."));
		Optional<LoginThrottle.Blocked> blocked = this.throttle.checkPasswordChange(id);
		if (blocked.isPresent()) {
			this.audit.recordIndependently(AuditEvent.builder("auth.password-change", "user")
				.resourceId(id)
				.denied("throttled: too many wrong current passwords"));
			throw ProblemException.tooManyRequests("password-change-throttled",
					"Too many wrong current passwords; wait before trying again.", blocked.get().retryAfter());
		}
		if (!this.passwords.matches(current, user.passwordHash())) {
			this.throttle.recordPasswordChangeFailure(id, client);
			// the transaction rolls back with the 400: the failed attempt is kept on its
			// own
			this.audit.recordIndependently(
					AuditEvent.builder("auth.password-change", "user").resourceId(id).failed("wrong current password"));
			throw ProblemException.badRequest("wrong-password", "The current password is wrong.")
				.with("errors", List.of(new Problems.FieldError("currentPassword", "does not match your password")));
		}
		this.throttle.recordPasswordChangeSuccess(id);
		this.users.updatePassword(id, this.passwords.encode(replacement));
		this.refreshTokens.revokeAllOf(id);
		this.accessTokens.revokeAll(id);
		this.audit.record(AuditEvent.builder("auth.password-change", "user").resourceId(id));
	}

	private void requireAnotherAdmin(UUID id) {
		if (this.users.otherEnabledAdmins(id) == 0) {
			throw ProblemException.conflict("last-admin",
					"This is the last enabled ADMIN; make another user ADMIN first.");
		}
	}

	private static List<String> sorted(List<String> roles) {
		return roles.stream().sorted().distinct().toList();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
