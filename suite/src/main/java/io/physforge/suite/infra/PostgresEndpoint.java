package io.physforge.suite.infra;

import java.net.URI;
import java.util.Objects;

/**
 * A PostgreSQL server and one database on it.
 *
 * @param host server host
 * @param port server port
 * @param database database name
 * @param parameters JDBC URL query string without the {@code ?}, or empty
 * @param user user name
 * @param password password, empty for none
 * @param origin where the server came from
 */
public record PostgresEndpoint(String host, int port, String database, String parameters, String user, String password,
		Origin origin) {

	public PostgresEndpoint {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(database, "database");
		parameters = (parameters != null) ? parameters : "";
		Objects.requireNonNull(user, "user");
		password = (password != null) ? password : "";
		Objects.requireNonNull(origin, "origin");
	}

	/**
	 * Parses a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/physforge}.
	 * @param jdbcUrl the URL
	 * @param user user name
	 * @param password password, may be {@code null}
	 * @param origin where it came from
	 * @return the endpoint
	 * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL with a
	 * host
	 */
	public static PostgresEndpoint parse(String jdbcUrl, String user, String password, Origin origin) {
		String prefix = "jdbc:postgresql://";
		if (jdbcUrl == null || !jdbcUrl.startsWith(prefix)) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: '" + jdbcUrl
					+ "'. Expected jdbc:postgresql://host:port/database (check PF_DB_URL)");
		}
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("PostgreSQL JDBC URL without a host: '" + jdbcUrl
					+ "'. Expected jdbc:postgresql://host:port/database (check PF_DB_URL)");
		}
		String path = (uri.getPath() != null) ? uri.getPath() : "";
		String database = path.startsWith("/") ? path.substring(1) : path;
		return new PostgresEndpoint(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 5432,
				database.isEmpty() ? "postgres" : database, uri.getRawQuery(), user, password, origin);
	}

	/**
	 * The JDBC URL of this endpoint's database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database
				+ (this.parameters.isEmpty() ? "" : "?" + this.parameters);
	}

	/**
	 * The same server with another database.
	 * @param name the database name
	 * @return the endpoint
	 */
	public PostgresEndpoint withDatabase(String name) {
		return new PostgresEndpoint(this.host, this.port, name, this.parameters, this.user, this.password, this.origin);
	}

	@Override
	public String toString() {
		return "PostgresEndpoint[" + jdbcUrl() + ", user=" + this.user + ", origin=" + this.origin + "]";
	}

}
