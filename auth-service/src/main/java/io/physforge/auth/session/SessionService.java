package io.physforge.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.physforge.auth.keys.AccessTokens;
import io.physforge.auth.user.User;
import io.physforge.auth.user.UserRepository;
import io.physforge.platform.audit.AuditDetails;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.problem.ProblemException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login, refresh and logout.
 */
@Service
class SessionService {

	/** Compared against when the e-mail is unknown, so both paths cost one hash check. */
	private final String dummyHash;

	private final UserRepository users;

	private final RefreshTokens refreshTokens;

	private final LoginThrottle throttle;

	private final AccessTokens accessTokens;

	private final PasswordEncoder passwords;

	private final AuditRecorder audit;

	SessionService(UserRepository users, RefreshTokens refreshTokens, LoginThrottle throttle, AccessTokens accessTokens,
			PasswordEncoder passwords, AuditRecorder audit) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.throttle = throttle;
		this.accessTokens = accessTokens;
		this.passwords = passwords;
		this.audit = audit;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	TokenResponse login(String email, String password, String client) {
		String account = email.trim().toLowerCase(Locale.ROOT);
		Optional<LoginThrottle.Blocked> blocked = this.throttle.checkLogin(account, client);
		if (blocked.isPresent()) {
			this.audit.record(unknownAccount(AuditEvent.builder("auth.login", "user"), account)
				.denied("throttled: too many failed logins " + describe(blocked.get().scope())));
			throw ProblemException.tooManyRequests("login-throttled",
					"Too many failed logins " + describe(blocked.get().scope()) + "; wait before trying again.",
					blocked.get().retryAfter());
		}
		Optional<User> user = this.users.findByEmail(account);
		boolean matches = this.passwords.matches(password, user.map(User::passwordHash).orElse(this.dummyHash));
		if (user.isEmpty() || !matches) {
			this.throttle.recordLoginFailure(account, client);
			AuditEvent.Builder failed = AuditEvent.builder("auth.login", "user")
				.failed(user.isEmpty() ? "invalid-credentials: unknown account"
						: "invalid-credentials: wrong password");
			this.audit
				.record(user.isPresent() ? failed.actor(AuditEvent.ANONYMOUS, List.of()).resourceId(user.get().id())
						: unknownAccount(failed, account));
			this.throttle.checkLogin(account, client)
				.ifPresent(
						(now) -> this.audit.record(unknownAccount(AuditEvent.builder("auth.lockout", "user"), account)
							.resourceId(user.map(User::id).orElse(null))
							.denied("too many failed logins " + describe(now.scope()) + ": backed off for "
									+ now.retryAfter().toSeconds() + " s")));
			throw ProblemException.unauthorized("invalid-credentials", "The e-mail or password is wrong.");
		}
		if (!user.get().enabled()) {
			this.audit.record(AuditEvent.builder("auth.login", "user")
				.actor(user.get().id().toString(), user.get().roles())
				.resourceId(user.get().id())
				.denied("account-disabled"));
			throw ProblemException.unauthorized("account-disabled",
					"This account is disabled; ask an administrator to enable it.");
		}
		this.throttle.recordLoginSuccess(account, client);
		this.audit.record(AuditEvent.builder("auth.login", "user")
			.actor(user.get().id().toString(), user.get().roles())
			.resourceId(user.get().id()));
		return issue(user.get(), UUID.randomUUID());
	}

	/**
	 * Rotates a refresh token. Presenting one that was already spent revokes its whole
	 * family (someone else holds a copy). Runs without a surrounding transaction so the
	 * revocation is committed although the call answers 401.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	TokenResponse refresh(String token) {
		RefreshTokens.Stored stored = this.refreshTokens.find(token)
			.orElseThrow(() -> invalidRefresh("The refresh token is unknown; log in again."));
		if (stored.revoked()) {
			throw invalidRefresh("The refresh token was revoked; log in again.");
		}
		if (stored.used() || !this.refreshTokens.spend(stored.id())) {
			int revoked = this.refreshTokens.revokeFamily(stored.familyId());
			this.audit.record(asUser(AuditEvent.builder("auth.refresh-reuse", "user"), stored.userId())
				.resourceId(stored.userId())
				.details(Map.of("family", stored.familyId().toString(), "revoked", revoked))
				.denied("a refresh token was used twice; its " + revoked + " session(s) revoked"));
			throw ProblemException.unauthorized("refresh-token-reused",
					"This refresh token was already used, so it may have been stolen: every session started with it "
							+ "is now revoked. Log in again.");
		}
		if (stored.expiresAt().isBefore(Instant.now())) {
			throw invalidRefresh("The refresh token has expired; log in again.");
		}
		User user = this.users.findById(stored.userId())
			.filter(User::enabled)
			.orElseThrow(() -> invalidRefresh("The account no longer exists or is disabled."));
		return issue(user, stored.familyId());
	}

	void logout(String token) {
		this.refreshTokens.find(token).ifPresent((stored) -> {
			this.refreshTokens.revokeFamily(stored.familyId());
			this.accessTokens.revokeAll(stored.userId());
			this.audit
				.record(asUser(AuditEvent.builder("auth.logout", "user"), stored.userId()).resourceId(stored.userId()));
		});
	}

	private TokenResponse issue(User user, UUID family) {
		String access = this.accessTokens.issue(user.id(), user.email(), user.roles(), "pwd");
		String refresh = this.refreshTokens.issue(user.id(), family);
		return TokenResponse.bearer(access, refresh, this.accessTokens.ttlSeconds());
	}

	/** The actor of a token-only request: the token's user with their roles. */
	private AuditEvent.Builder asUser(AuditEvent.Builder event, UUID userId) {
		return event.actor(userId.toString(), this.users.findById(userId).map(User::roles).orElse(List.of()));
	}

	/**
	 * A login attempt before authentication: actor anonymous; the e-mail typed is bound
	 * by its hash only (it may be a mistyped address or someone else's).
	 */
	private static AuditEvent.Builder unknownAccount(AuditEvent.Builder event, String account) {
		return event.actor(AuditEvent.ANONYMOUS, List.of())
			.details(Map.of("accountSha256", AuditDetails.hashText(account)));
	}

	private static String describe(LoginThrottle.Scope scope) {
		return switch (scope) {
			case ADDRESS_AND_ACCOUNT -> "for this account from your address";
			case ADDRESS -> "from your address";
			case ACCOUNT -> "for this account";
		};
	}

	private static ProblemException invalidRefresh(String detail) {
		return ProblemException.unauthorized("invalid-refresh-token", detail);
	}

}
