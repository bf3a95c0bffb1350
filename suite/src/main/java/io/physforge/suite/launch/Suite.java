package io.physforge.suite.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.physforge.suite.infra.LocalInfrastructure;
import io.physforge.suite.infra.PostgresEndpoint;
import io.physforge.suite.infra.RedisEndpoint;
import io.physforge.suite.infra.S3Endpoint;
import io.physforge.suite.launch.internal.ChildProcesses;
import io.physforge.suite.launch.internal.Databases;
import io.physforge.suite.launch.internal.Jars;
import io.physforge.suite.launch.internal.ServiceProcess;
import io.physforge.suite.launch.internal.Supervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite running on this machine: infrastructure, every service and the gateway.
 * Start it with {@link #start(SuiteSettings)}, talk to it through {@link #gatewayUri()},
 * stop it with {@link #close()} (which stops every child process and every embedded
 * server this object started).
 *
 * <pre>{@code
 * try (Suite suite = Suite.start(SuiteSettings.builder().freePorts(true).build())) {
 *     URI gateway = suite.gatewayUri();
 * }
 * }</pre>
 */
public final class Suite implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Suite.class);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final LocalInfrastructure infrastructure;

	private final PostgresEndpoint database;

	private final RedisEndpoint redis;

	private final S3Endpoint s3;

	private final Map<ServiceDefinition, ServiceProcess> processes = new LinkedHashMap<>();

	private final String adminEmail;

	private final String adminPassword;

	private final Path logDirectory;

	private double startupSeconds;

	private SuiteSettings settings;

	private Map<ServiceDefinition, Path> jars = Map.of();

	private Map<String, String> childEnvironment = Map.of();

	private final ChildProcesses children;

	private Supervisor supervisor;

	private Suite(ChildProcesses children, LocalInfrastructure infrastructure, PostgresEndpoint database,
			RedisEndpoint redis, S3Endpoint s3, String adminEmail, String adminPassword, Path logDirectory) {
		this.children = children;
		this.infrastructure = infrastructure;
		this.database = database;
		this.redis = redis;
		this.s3 = s3;
		this.adminEmail = adminEmail;
		this.adminPassword = adminPassword;
		this.logDirectory = logDirectory;
	}

	/**
	 * Resolves (or starts) PostgreSQL, Redis and S3, starts every selected service and
	 * the gateway in parallel, and waits until all report healthy. Everything started is
	 * stopped when the JVM ends, also during start-up (a shutdown hook registered first).
	 * @param settings how
	 * @return the running suite
	 * @throws IllegalStateException naming the application and showing its log when one
	 * fails to start or become healthy in time; everything started is stopped again
	 */
	public static Suite start(SuiteSettings settings) {
		long begin = System.nanoTime();
		List<ServiceDefinition> all = new ArrayList<>(settings.services());
		all.add(ServiceDefinition.gateway());
		Map<ServiceDefinition, Path> jars = new LinkedHashMap<>();
		for (ServiceDefinition service : all) {
			jars.put(service, Jars.bootJar(settings.repository(), service.module()));
		}
		ChildProcesses children = new ChildProcesses(STOP_GRACE);
		LocalInfrastructure infrastructure = LocalInfrastructure.builder()
			.environment(settings.environment())
			.home(settings.dataHome())
			.build();
		Suite suite = null;
		try {
			children.closeAfterwards(infrastructure);
			if (settings.recreateDatabase()) {
				Databases.drop(infrastructure.postgres(), settings.database());
			}
			PostgresEndpoint database = infrastructure.ensureDatabase(settings.database());
			RedisEndpoint redis = infrastructure.redis();
			S3Endpoint s3 = infrastructure.s3();
			String[] admin = adminCredentials(settings);
			suite = new Suite(children, infrastructure, database, redis, s3, admin[0], admin[1],
					settings.logDirectory());
			suite.startApplications(settings, all, jars);
			suite.supervise(settings.restartCrashed());
			suite.startupSeconds = (System.nanoTime() - begin) / 1e9;
			return suite;
		}
		catch (RuntimeException ex) {
			if (suite != null) {
				suite.close();
			}
			else {
				children.close();
			}
			throw ex;
		}
	}

	private void startApplications(SuiteSettings settings, List<ServiceDefinition> all,
			Map<ServiceDefinition, Path> jars) {
		Map<ServiceDefinition, Integer> ports = new LinkedHashMap<>();
		List<ServiceDefinition> everyKnown = new ArrayList<>(ServiceDefinition.services());
		everyKnown.add(ServiceDefinition.gateway());
		for (ServiceDefinition service : everyKnown) {
			ports.put(service, port(settings, service));
		}
		Map<String, String> environment = childEnvironment(settings, ports);
		this.settings = settings;
		this.jars = Map.copyOf(jars);
		this.childEnvironment = Map.copyOf(environment);
		for (ServiceDefinition service : all) {
			int port = ports.get(service);
			if (!portFree(port)) {
				throw new IllegalStateException("Port " + port + " for " + service.module()
						+ " is in use: stop what listens there or set " + service.portVariable());
			}
		}
		// auth-service first and alone: like every service it creates the shared S3
		// buckets, and does so before the others could race for them; then the rest in
		// parallel
		ServiceDefinition auth = ServiceDefinition.byName("auth");
		List<ServiceDefinition> first = all.contains(auth) ? List.of(auth) : List.of();
		List<ServiceDefinition> rest = all.stream().filter((service) -> !first.contains(service)).toList();
		for (List<ServiceDefinition> wave : List.of(first, rest)) {
			List<ServiceProcess> started = new ArrayList<>();
			for (ServiceDefinition service : wave) {
				ServiceProcess process = ServiceProcess.start(service.module(), jars.get(service), ports.get(service),
						settings.javaOptions(), environment, settings.logDirectory(), settings.repository());
				this.processes.put(service, process);
				this.children.add(process);
				started.add(process);
				logger.info("Starting {}", process);
			}
			awaitHealthy(started, settings.startupTimeout());
		}
	}

	private void supervise(RestartBackoff backoff) {
		if (backoff != null) {
			this.supervisor = new Supervisor(backoff, this::replaceCrashed);
			this.processes.values().forEach(this.supervisor::watch);
		}
	}

	private synchronized ServiceProcess replaceCrashed(ServiceProcess ended) {
		ServiceDefinition service = this.processes.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == ended)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		if (service == null || this.children.isClosed()) {
			return null;
		}
		ServiceProcess process = ServiceProcess.start(service.module(), this.jars.get(service), ended.port(),
				this.settings.javaOptions(), this.childEnvironment, this.settings.logDirectory(),
				this.settings.repository(), true);
		this.processes.put(service, process);
		this.children.add(process);
		return process;
	}

	private void awaitHealthy(List<ServiceProcess> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<ServiceProcess> waiting = new ArrayList<>(processes);
		while (!waiting.isEmpty()) {
			if (this.children.isClosed()) {
				throw new IllegalStateException("Stopped during start-up");
			}
			for (ServiceProcess process : List.copyOf(waiting)) {
				if (!process.isAlive()) {
					throw new IllegalStateException(process.name() + " stopped during startup; last lines of "
							+ process.log() + ":" + System.lineSeparator() + process.logTail(40));
				}
				if (process.isHealthy()) {
					logger.info("{} is up after {} s", process.name(),
							String.format("%.1f", process.secondsSinceStart()));
					waiting.remove(process);
				}
			}
			if (System.nanoTime() > deadline) {
				ServiceProcess first = waiting.get(0);
				throw new IllegalStateException("Not healthy after " + timeout.toSeconds() + " s: "
						+ waiting.stream().map(ServiceProcess::name).toList() + "; last lines of " + first.log() + ":"
						+ System.lineSeparator() + first.logTail(40));
			}
			sleep(500);
		}
	}

	private Map<String, String> childEnvironment(SuiteSettings settings, Map<ServiceDefinition, Integer> ports) {
		Map<String, String> env = new LinkedHashMap<>();
		env.putAll(this.infrastructure.serviceEnvironment(this.database.database()));
		env.put("PF_ADMIN_EMAIL", this.adminEmail);
		env.put("PF_ADMIN_PASSWORD", this.adminPassword);
		for (Map.Entry<ServiceDefinition, Integer> entry : ports.entrySet()) {
			env.put(entry.getKey().portVariable(), Integer.toString(entry.getValue()));
			env.put(entry.getKey().uriVariable(), "http://127.0.0.1:" + entry.getValue());
		}
		env.put("PF_JWKS_URI",
				"http://127.0.0.1:" + ports.get(ServiceDefinition.byName("auth")) + "/api/auth/.well-known/jwks.json");
		env.putAll(settings.extraEnvironment());
		return env;
	}

	private static int port(SuiteSettings settings, ServiceDefinition service) {
		if (settings.freePorts()) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		String configured = settings.environment().get(service.portVariable());
		if (configured == null || configured.isBlank()) {
			return service.defaultPort();
		}
		try {
			return Integer.parseInt(configured.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(service.portVariable() + "='" + configured
					+ "' is not a port number: set it to an integer such as " + service.defaultPort(), ex);
		}
	}

	private static boolean portFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String[] adminCredentials(SuiteSettings settings) {
		String email = firstSet(settings.extraEnvironment().get("PF_ADMIN_EMAIL"),
				settings.environment().get("PF_ADMIN_EMAIL"), "admin@physforge.local");
		String password = firstSet(settings.extraEnvironment().get("PF_ADMIN_PASSWORD"),
				settings.environment().get("PF_ADMIN_PASSWORD"), null);
		if (password == null) {
			password = storedOrNewPassword(settings.dataHome());
		}
		return new String[] { email, password };
	}

	private static String storedOrNewPassword(Path home) {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		if (home == null) {
			return fresh;
		}
		Path file = home.resolve("admin-password");
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(home);
			Files.writeString(file, fresh + System.lineSeparator());
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the home directory's permissions apply
			}
			return fresh;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write " + file, ex);
		}
	}

	private static String firstSet(String first, String second, String fallback) {
		if (first != null && !first.isBlank()) {
			return first;
		}
		if (second != null && !second.isBlank()) {
			return second;
		}
		return fallback;
	}

	/**
	 * @return where the gateway listens, {@code http://127.0.0.1:<port>}
	 */
	public URI gatewayUri() {
		return this.processes.get(ServiceDefinition.gateway()).baseUri();
	}

	/**
	 * @param apiName a service's API name ({@code data}) or module name
	 * @return where that service listens directly (bypassing the gateway)
	 */
	public URI serviceUri(String apiName) {
		ServiceProcess process = this.processes.get(ServiceDefinition.byName(apiName));
		if (process == null) {
			throw new IllegalArgumentException(apiName + " was not started in this suite");
		}
		return process.baseUri();
	}

	/**
	 * Kills a service's process at once (SIGKILL, as in a crash: no graceful shutdown),
	 * for tests of recovery; started again when {@link SuiteSettings#restartCrashed()}.
	 * @param apiName the service's API name ({@code discovery}) or module name
	 */
	public synchronized void kill(String apiName) {
		process(apiName).kill();
	}

	/**
	 * Starts a service again (after {@link #kill}) on the same port with the same
	 * environment, appending to its log, and waits until it is healthy.
	 * @param apiName the service's API name or module name
	 * @throws IllegalStateException when it does not become healthy within the startup
	 * timeout
	 */
	public synchronized void restart(String apiName) {
		ServiceDefinition service = ServiceDefinition.byName(apiName);
		ServiceProcess old = process(apiName);
		if (old.isAlive()) {
			old.requestStop();
			old.awaitStop(STOP_GRACE);
		}
		ServiceProcess process = ServiceProcess.start(service.module(), this.jars.get(service), old.port(),
				this.settings.javaOptions(), this.childEnvironment, this.settings.logDirectory(),
				this.settings.repository(), true);
		this.processes.put(service, process);
		this.children.add(process);
		if (this.supervisor != null) {
			this.supervisor.watch(process);
		}
		long deadline = System.nanoTime() + this.settings.startupTimeout().toNanos();
		while (!process.isHealthy()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(process.name() + " did not come back after a restart; last lines of "
						+ process.log() + ":" + System.lineSeparator() + process.logTail(40));
			}
			sleep(300);
		}
		logger.info("{} restarted, up after {} s", process.name(), String.format("%.1f", process.secondsSinceStart()));
	}

	/**
	 * @return the repository the service jars were found in
	 */
	public Path repository() {
		return this.settings.repository();
	}

	/**
	 * @return the S3-compatible store the services use
	 */
	public S3Endpoint s3() {
		return this.s3;
	}

	private ServiceProcess process(String apiName) {
		ServiceProcess process = this.processes.get(ServiceDefinition.byName(apiName));
		if (process == null) {
			throw new IllegalArgumentException(apiName + " was not started in this suite");
		}
		return process;
	}

	/**
	 * @return the started services (not the gateway), in start order
	 */
	public List<ServiceDefinition> services() {
		return this.processes.keySet().stream().filter((service) -> service.apiName() != null).toList();
	}

	/**
	 * @return the administrator's e-mail (from {@code PF_ADMIN_EMAIL})
	 */
	public String adminEmail() {
		return this.adminEmail;
	}

	/**
	 * @return the administrator's password (from {@code PF_ADMIN_PASSWORD}, else
	 * generated once and kept in the data home's {@code admin-password})
	 */
	public String adminPassword() {
		return this.adminPassword;
	}

	/**
	 * @return seconds from {@link #start} until everything was healthy
	 */
	public double startupSeconds() {
		return this.startupSeconds;
	}

	/**
	 * A human-readable map of what runs where.
	 * @return the lines
	 */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format("  %-26s %-24s %s", "gateway", gatewayUri(), "<- the API: /api/<service>/..."));
		for (Map.Entry<ServiceDefinition, ServiceProcess> entry : this.processes.entrySet()) {
			if (entry.getKey().apiName() != null) {
				lines.add(String.format("  %-26s %-24s /api/%s", entry.getKey().module(), entry.getValue().baseUri(),
						entry.getKey().apiName()));
			}
		}
		lines.add(String.format("  %-26s %s (%s)", "PostgreSQL", this.database.jdbcUrl(),
				this.database.origin().name().toLowerCase(Locale.ROOT)));
		lines.add(String.format("  %-26s %s (%s)", "Redis", this.redis.url(),
				this.redis.origin().name().toLowerCase(Locale.ROOT)));
		lines.add(String.format("  %-26s %s (%s)", "S3", this.s3.endpoint(),
				this.s3.origin().name().toLowerCase(Locale.ROOT)));
		lines.add(String.format("  %-26s %s/<application>.log", "logs", this.logDirectory));
		return lines;
	}

	/**
	 * Stops restarting crashed services, stops the gateway and every service with the
	 * processes they started (SIGTERM, then a kill after 20 s), then the embedded servers
	 * this suite started. Safe to call twice and from any thread.
	 */
	@Override
	public void close() {
		if (this.supervisor != null) {
			this.supervisor.close();
		}
		this.children.close();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the suite to start", ex);
		}
	}

}
