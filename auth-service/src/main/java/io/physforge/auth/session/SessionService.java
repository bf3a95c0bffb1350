package io.physforge.auth.session;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.physforge.auth.audit.AuthAudit;
import io.physforge.auth.keys.AccessTokens;
import io.physforge.auth.user.User;
import io.physforge.auth.user.UserRepository;
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

	private final AuthAudit audit;

	SessionService(UserRepository users, RefreshTokens refreshTokens, LoginThrottle throttle, AccessTokens accessTokens,
			PasswordEncoder passwords, AuthAudit audit) {
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
		Optional<LoginThrottle.Blocked> blocked = this.throttle.check(account, client);
		if (blocked.isPresent()) {
			this.audit.record("login", client, account, "throttled");
			throw ProblemException.tooManyRequests("login-throttled",
					"Too many failed logins "
							+ (blocked.get().scope().equals("client") ? "from your address" : "for this account")
							+ "; wait before trying again.",
					blocked.get().retryAfter());
		}
		Optional<User> user = this.users.findByEmail(account);
		boolean matches = this.passwords.matches(password, user.map(User::passwordHash).orElse(this.dummyHash));
		if (user.isEmpty() || !matches) {
			this.throttle.recordFailure(account, client);
			this.audit.record("login", client, account, "failure");
			throw ProblemException.unauthorized("invalid-credentials", "The e-mail or password is wrong.");
		}
		if (!user.get().enabled()) {
			this.audit.record("login", user.get().id().toString(), account, "denied");
			throw ProblemException.unauthorized("account-disabled",
					"This account is disabled; ask an administrator to enable it.");
		}
		this.throttle.recordSuccess(account);
		this.audit.record("login", user.get().id().toString(), account, "success");
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
			this.audit.record("refresh-reuse", stored.userId().toString(), stored.familyId().toString(),
					"denied, revoked " + revoked);
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
			this.audit.record("logout", stored.userId().toString(), stored.familyId().toString(), "success");
		});
	}

	private TokenResponse issue(User user, UUID family) {
		String access = this.accessTokens.issue(user.id(), user.email(), user.roles(), "pwd");
		String refresh = this.refreshTokens.issue(user.id(), family);
		return TokenResponse.bearer(access, refresh, this.accessTokens.ttlSeconds());
	}

	private static ProblemException invalidRefresh(String detail) {
		return ProblemException.unauthorized("invalid-refresh-token", detail);
	}

}
