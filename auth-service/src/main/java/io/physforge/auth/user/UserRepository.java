package io.physforge.auth.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code auth.users}.
 */
@Repository
public class UserRepository {

	private static final String COLUMNS = "id, email, display_name, password_hash, roles, enabled, created_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param email e-mail in any case
	 * @return the user with it
	 */
	public Optional<User> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = :email")
			.param("email", normalize(email))
			.query(UserRepository::map)
			.optional();
	}

	/**
	 * @param id user id
	 * @return the user
	 */
	public Optional<User> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
			.param("id", id)
			.query(UserRepository::map)
			.optional();
	}

	List<User> page(int page, int size) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY created_at, id LIMIT :size OFFSET :offset")
			.param("size", size)
			.param("offset", (long) page * size)
			.query(UserRepository::map)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
	}

	/**
	 * @return whether a user with this e-mail was inserted (false: e-mail taken)
	 */
	boolean insert(User user) {
		return this.jdbc
			.sql("INSERT INTO users (id, email, display_name, password_hash, roles, enabled)"
					+ " VALUES (:id, :email, :name, :hash, :roles, :enabled) ON CONFLICT DO NOTHING")
			.param("id", user.id())
			.param("email", normalize(user.email()))
			.param("name", user.displayName())
			.param("hash", user.passwordHash())
			.param("roles", user.roles().toArray(String[]::new))
			.param("enabled", user.enabled())
			.update() == 1;
	}

	void update(UUID id, List<String> roles, boolean enabled, String displayName) {
		this.jdbc
			.sql("UPDATE users SET roles = :roles, enabled = :enabled, display_name = :name, updated_at = now()"
					+ " WHERE id = :id")
			.param("roles", roles.toArray(String[]::new))
			.param("enabled", enabled)
			.param("name", displayName)
			.param("id", id)
			.update();
	}

	void updatePassword(UUID id, String hash) {
		this.jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update() == 1;
	}

	/**
	 * @return enabled ADMINs other than the given user, locking them against concurrent
	 * demotion
	 */
	long otherEnabledAdmins(UUID id) {
		return this.jdbc.sql("SELECT id FROM users WHERE enabled AND 'ADMIN' = ANY(roles) AND id <> :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.list()
			.size();
	}

	static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), Arrays.asList((String[]) roles.getArray()), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}

}
