package io.physforge.suite.infra;

import java.net.URI;
import java.util.Objects;

/**
 * A Redis server.
 *
 * @param url the Redis URL, {@code redis://host:port} (with optional user info and
 * database)
 * @param origin where the server came from
 */
public record RedisEndpoint(URI url, Origin origin) {

	public RedisEndpoint {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(origin, "origin");
		if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme()) || url.getHost() == null) {
			throw new IllegalArgumentException(
					"Not a Redis URL: '" + url + "'. Expected redis://host:port (check PF_REDIS_URL)");
		}
	}

	/**
	 * Parses a Redis URL.
	 * @param url for example {@code redis://127.0.0.1:6379}
	 * @param origin where it came from
	 * @return the endpoint
	 */
	public static RedisEndpoint parse(String url, Origin origin) {
		return new RedisEndpoint(URI.create(url), origin);
	}

	/**
	 * The server host.
	 * @return the host
	 */
	public String host() {
		return this.url.getHost();
	}

	/**
	 * The server port.
	 * @return the port, 6379 when the URL has none
	 */
	public int port() {
		return (this.url.getPort() != -1) ? this.url.getPort() : 6379;
	}

}
