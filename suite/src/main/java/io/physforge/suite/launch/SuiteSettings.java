package io.physforge.suite.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the suite. Build with {@link #builder()}; every setting has a default fit
 * for a developer's machine.
 *
 * @param repository the repository root, holding {@code <module>/target/<module>-*.jar}
 * @param services the services to start (the gateway always starts)
 * @param environment the environment the suite reads ({@code PF_*} variables)
 * @param database the database for all services' schemas, created if missing
 * @param recreateDatabase whether to drop and recreate it first (clean test runs)
 * @param dataHome where embedded servers keep their data; {@code null} for a temporary
 * directory
 * @param logDirectory where each application's output goes, as {@code <module>.log}
 * @param freePorts whether to pick free ports instead of the default ones
 * @param javaOptions JVM flags of every child
 * @param startupTimeout how long to wait for all applications to report healthy
 * @param extraEnvironment variables added to every child's environment
 * @param restartCrashed when to start a service again whose process ended unasked once
 * the suite was up; {@code null} to leave it down
 */
public record SuiteSettings(Path repository, List<ServiceDefinition> services, Map<String, String> environment,
		String database, boolean recreateDatabase, Path dataHome, Path logDirectory, boolean freePorts,
		List<String> javaOptions, Duration startupTimeout, Map<String, String> extraEnvironment,
		RestartBackoff restartCrashed) {

	/**
	 * JVM flags sized so ten applications fit a 2-core, few-GiB machine and start fast.
	 */
	public static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-Xss512k",
			"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-Xshare:auto",
			"-Dspring.jmx.enabled=false", "-Djava.security.egd=file:/dev/./urandom");

	public SuiteSettings {
		Objects.requireNonNull(repository, "repository");
		services = List.copyOf(services);
		environment = Map.copyOf(environment);
		Objects.requireNonNull(database, "database");
		Objects.requireNonNull(logDirectory, "logDirectory");
		javaOptions = List.copyOf(javaOptions);
		Objects.requireNonNull(startupTimeout, "startupTimeout");
		extraEnvironment = Map.copyOf(extraEnvironment);
	}

	/**
	 * A builder with the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link SuiteSettings}.
	 */
	public static final class Builder {

		private Path repository;

		private List<ServiceDefinition> services = ServiceDefinition.services();

		private Map<String, String> environment = System.getenv();

		private String database;

		private boolean recreateDatabase;

		private Path dataHome;

		private Path logDirectory;

		private boolean freePorts;

		private List<String> javaOptions;

		private Duration startupTimeout = Duration.ofMinutes(5);

		private final Map<String, String> extraEnvironment = new LinkedHashMap<>();

		private RestartBackoff restartCrashed;

		private Builder() {
		}

		/**
		 * @param repository the repository root; default: found by walking up from the
		 * working directory
		 * @return this builder
		 */
		public Builder repository(Path repository) {
			this.repository = repository;
			return this;
		}

		/**
		 * @param services the services to start; default: all
		 * @return this builder
		 */
		public Builder services(List<ServiceDefinition> services) {
			this.services = services;
			return this;
		}

		/**
		 * @param environment the variables to read instead of the process environment
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.environment = environment;
			return this;
		}

		/**
		 * @param database the database name; default: the one in {@code PF_DB_URL}, else
		 * {@code physforge}
		 * @param recreate whether to drop and recreate it first
		 * @return this builder
		 */
		public Builder database(String database, boolean recreate) {
			this.database = database;
			this.recreateDatabase = recreate;
			return this;
		}

		/**
		 * @param dataHome where embedded servers keep data; default: a temporary
		 * directory
		 * @return this builder
		 */
		public Builder dataHome(Path dataHome) {
			this.dataHome = dataHome;
			return this;
		}

		/**
		 * @param logDirectory where logs go; default {@code ~/.physforge/logs}
		 * @return this builder
		 */
		public Builder logDirectory(Path logDirectory) {
			this.logDirectory = logDirectory;
			return this;
		}

		/**
		 * @param freePorts whether to use free ports instead of 8080-8089
		 * @return this builder
		 */
		public Builder freePorts(boolean freePorts) {
			this.freePorts = freePorts;
			return this;
		}

		/**
		 * @param javaOptions JVM flags of every child; default {@code PF_JAVA_OPTS} split
		 * on spaces, else {@link SuiteSettings#DEFAULT_JAVA_OPTIONS}
		 * @return this builder
		 */
		public Builder javaOptions(List<String> javaOptions) {
			this.javaOptions = javaOptions;
			return this;
		}

		/**
		 * @param startupTimeout how long to wait for health; default 5 minutes
		 * @return this builder
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
			return this;
		}

		/**
		 * @param name a variable every child gets
		 * @param value its value
		 * @return this builder
		 */
		public Builder extraEnvironment(String name, String value) {
			this.extraEnvironment.put(name, value);
			return this;
		}

		/**
		 * @param restartCrashed when to start a crashed service again; default
		 * {@code null}: never (tests that kill a service expect it to stay down)
		 * @return this builder
		 */
		public Builder restartCrashed(RestartBackoff restartCrashed) {
			this.restartCrashed = restartCrashed;
			return this;
		}

		/**
		 * The settings.
		 * @return the settings
		 */
		public SuiteSettings build() {
			Path root = (this.repository != null) ? this.repository
					: io.physforge.suite.launch.internal.Jars.findRepository(Path.of("").toAbsolutePath());
			String db = (this.database != null) ? this.database : databaseFromUrl(this.environment.get("PF_DB_URL"));
			Path logs = (this.logDirectory != null) ? this.logDirectory
					: Path.of(System.getProperty("user.home"), ".physforge", "logs");
			List<String> options = this.javaOptions;
			if (options == null) {
				String fromEnv = this.environment.get("PF_JAVA_OPTS");
				options = (fromEnv != null && !fromEnv.isBlank()) ? List.of(fromEnv.trim().split("\\s+"))
						: DEFAULT_JAVA_OPTIONS;
			}
			return new SuiteSettings(root, this.services, this.environment, db, this.recreateDatabase, this.dataHome,
					logs, this.freePorts, options, this.startupTimeout, this.extraEnvironment, this.restartCrashed);
		}

		private static String databaseFromUrl(String url) {
			if (url == null || url.isBlank()) {
				return "physforge";
			}
			String path = url.replaceFirst("^jdbc:postgresql://[^/]*/?", "");
			int query = path.indexOf('?');
			String name = (query >= 0) ? path.substring(0, query) : path;
			return name.isEmpty() ? "physforge" : name;
		}

	}

}
