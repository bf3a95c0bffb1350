package io.physforge.auth.session;

import java.time.Duration;
import java.util.Optional;

import io.physforge.auth.config.AuthProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttles failed logins per account and per client address, counted in
 * {@code auth.login_failures} (PostgreSQL, so the limit holds across instances and
 * restarts and needs no Redis). A subject with {@code max} failures inside the sliding
 * window is blocked until the oldest of those leaves the window. A successful login
 * clears the account's count, not the client's.
 */
@Component
class LoginThrottle {

	private static final String ACCOUNT = "account";

	private static final String CLIENT = "client";

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
	Optional<Blocked> check(String account, String client) {
		Optional<Duration> byClient = blockedFor(CLIENT, client, this.settings.maxPerClient());
		if (byClient.isPresent()) {
			return Optional.of(new Blocked(CLIENT, byClient.get()));
		}
		return blockedFor(ACCOUNT, account, this.settings.maxPerAccount()).map((wait) -> new Blocked(ACCOUNT, wait));
	}

	void recordFailure(String account, String client) {
		long window = this.settings.window().toSeconds();
		this.jdbc
			.sql("DELETE FROM login_failures WHERE subject IN (:account, :client)"
					+ " AND failed_at < now() - make_interval(secs => :window)")
			.param("account", account)
			.param("client", client)
			.param("window", window)
			.update();
		this.jdbc.sql("INSERT INTO login_failures (scope, subject) VALUES ('account', :account), ('client', :client)")
			.param("account", account)
			.param("client", client)
			.update();
	}

	void recordSuccess(String account) {
		this.jdbc.sql("DELETE FROM login_failures WHERE scope = 'account' AND subject = :account")
			.param("account", account)
			.update();
	}

	private Optional<Duration> blockedFor(String scope, String subject, int max) {
		return this.jdbc
			.sql("SELECT EXTRACT(EPOCH FROM failed_at + make_interval(secs => :window) - now()) FROM login_failures"
					+ " WHERE scope = :scope AND subject = :subject AND failed_at > now() - make_interval(secs => :window)"
					+ " ORDER BY failed_at DESC OFFSET :skip LIMIT 1")
			.param("window", this.settings.window().toSeconds())
			.param("scope", scope)
			.param("subject", subject)
			.param("skip", Math.max(0, max - 1))
			.query(Double.class)
			.optional()
			.map((seconds) -> Duration.ofMillis(Math.max(1000, (long) (seconds * 1000))));
	}

	record Blocked(String scope, Duration retryAfter) {
	}

}
