package io.physforge.auth.session;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.physforge.auth.config.AuthProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exponential backoff after failed logins and failed password changes, counted in
 * {@code auth.auth_failures} (PostgreSQL, so it holds across instances and restarts).
 * Logins are checked per (account, address) pair, per address over all accounts, and per
 * account over the number of distinct failing addresses; the last one is capped low
 * ({@code maxAccountDelay}) so that strangers can slow an account down but not lock its
 * owner out. Attempts answered 429 are not counted. See {@link AuthProperties.Throttle}.
 */
@Component
public class LoginThrottle {

	private static final String LOGIN = "login";

	private static final String PASSWORD_CHANGE = "password-change";

	private final JdbcClient jdbc;

	private final AuthProperties.Throttle settings;

	LoginThrottle(JdbcClient jdbc, AuthProperties properties) {
		this.jdbc = jdbc;
		this.settings = properties.throttle();
	}

	/**
	 * @param account lower-cased e-mail
	 * @param client client address
	 * @return how long the caller must wait, empty when allowed
	 */
	Optional<Blocked> checkLogin(String account, String client) {
		long window = this.settings.window().toSeconds();
		Counts pair = this.jdbc
			.sql("SELECT count(*) AS n, EXTRACT(EPOCH FROM now() - max(failed_at)) AS age FROM auth_failures"
					+ " WHERE kind = 'login' AND account = :account AND client = :client"
					+ " AND failed_at > now() - make_interval(secs => :window)")
			.param("account", account)
			.param("client", client)
			.param("window", window)
			.query(Counts.class)
			.single();
		Optional<Blocked> blocked = pair.wait(this.settings.freePerPair(), this.settings.maxDelay(), this.settings)
			.map((wait) -> new Blocked(Scope.ADDRESS_AND_ACCOUNT, wait));
		if (blocked.isPresent()) {
			return blocked;
		}
		Counts byClient = this.jdbc
			.sql("SELECT count(*) AS n, EXTRACT(EPOCH FROM now() - max(failed_at)) AS age FROM auth_failures"
					+ " WHERE kind = 'login' AND client = :client AND failed_at > now() - make_interval(secs => :window)")
			.param("client", client)
			.param("window", window)
			.query(Counts.class)
			.single();
		blocked = byClient.wait(this.settings.freePerClient(), this.settings.maxDelay(), this.settings)
			.map((wait) -> new Blocked(Scope.ADDRESS, wait));
		if (blocked.isPresent()) {
			return blocked;
		}
		Counts byAccount = this.jdbc
			.sql("SELECT count(DISTINCT client) AS n, EXTRACT(EPOCH FROM now() - max(failed_at)) AS age"
					+ " FROM auth_failures WHERE kind = 'login' AND account = :account"
					+ " AND failed_at > now() - make_interval(secs => :window)")
			.param("account", account)
			.param("window", window)
			.query(Counts.class)
			.single();
		return byAccount.wait(this.settings.freeAddressesPerAccount(), this.settings.maxAccountDelay(), this.settings)
			.map((wait) -> new Blocked(Scope.ACCOUNT, wait));
	}

	void recordLoginFailure(String account, String client) {
		record(LOGIN, account, client);
	}

	/** A successful login clears the failures of its (account, address) pair only. */
	void recordLoginSuccess(String account, String client) {
		this.jdbc.sql("DELETE FROM auth_failures WHERE kind = 'login' AND account = :account AND client = :client")
			.param("account", account)
			.param("client", client)
			.update();
	}

	/**
	 * Whether a user must wait before trying their current password again.
	 * @param user the user
	 * @return how long, empty when allowed
	 */
	public Optional<Blocked> checkPasswordChange(UUID user) {
		return this.jdbc
			.sql("SELECT count(*) AS n, EXTRACT(EPOCH FROM now() - max(failed_at)) AS age FROM auth_failures"
					+ " WHERE kind = 'password-change' AND account = :account"
					+ " AND failed_at > now() - make_interval(secs => :window)")
			.param("account", user.toString())
			.param("window", this.settings.window().toSeconds())
			.query(Counts.class)
			.single()
			.wait(this.settings.freePasswordChanges(), this.settings.maxDelay(), this.settings)
			.map((wait) -> new Blocked(Scope.ACCOUNT, wait));
	}

	/**
	 * Counts a wrong current password, in its own transaction so that it stays when the
	 * request's rolls back.
	 * @param user the user
	 * @param client client address
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordPasswordChangeFailure(UUID user, String client) {
		record(PASSWORD_CHANGE, user.toString(), client);
	}

	/**
	 * Clears a user's failed password changes.
	 * @param user the user
	 */
	public void recordPasswordChangeSuccess(UUID user) {
		this.jdbc.sql("DELETE FROM auth_failures WHERE kind = 'password-change' AND account = :account")
			.param("account", user.toString())
			.update();
	}

	private void record(String kind, String account, String client) {
		this.jdbc
			.sql("DELETE FROM auth_failures WHERE (account = :account OR client = :client)"
					+ " AND failed_at < now() - make_interval(secs => :window)")
			.param("account", account)
			.param("client", client)
			.param("window", this.settings.window().toSeconds())
			.update();
		this.jdbc.sql("INSERT INTO auth_failures (kind, account, client) VALUES (:kind, :account, :client)")
			.param("kind", kind)
			.param("account", account)
			.param("client", client)
			.update();
	}

	/** What a backoff applies to. */
	public enum Scope {

		/** This account from this address. */
		ADDRESS_AND_ACCOUNT,
		/** This address, whatever the account. */
		ADDRESS,
		/** This account, whatever the address. */
		ACCOUNT

	}

	/**
	 * A refused attempt.
	 *
	 * @param scope what is backed off
	 * @param retryAfter how long to wait, at least one second
	 */
	public record Blocked(Scope scope, Duration retryAfter) {
	}

	/** Failures counted in the window and seconds since the last one. */
	record Counts(long n, Double age) {

		/**
		 * {@code free} failures cost nothing; each further one doubles the wait, from
		 * {@code baseDelay} up to {@code cap}, counted from the last failure.
		 */
		Optional<Duration> wait(int free, Duration cap, AuthProperties.Throttle settings) {
			if (this.n < free || this.age == null) {
				return Optional.empty();
			}
			long shift = Math.min(30, this.n - free);
			long delayMillis = Math.min(cap.toMillis(), settings.baseDelay().toMillis() << shift);
			long remaining = delayMillis - (long) (this.age * 1000);
			if (remaining <= 0) {
				return Optional.empty();
			}
			return Optional.of(Duration.ofSeconds(Math.max(1, (remaining + 999) / 1000)));
		}

	}

}
