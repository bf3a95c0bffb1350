package io.physforge.suite.launch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One application running as a child JVM ({@code java <options> -jar <jar>}), its output
 * in a log file.
 */
public final class ServiceProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private final long startedNanos;

	private volatile boolean stopRequested;

	private ServiceProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
		this.startedNanos = System.nanoTime();
	}

	/**
	 * Starts {@code java <options> -jar <jar>}.
	 * @param name the application's name, also the log file's
	 * @param jar the Boot jar
	 * @param port the port it will listen on (for health checks)
	 * @param javaOptions JVM flags
	 * @param environment variables added to this process's environment
	 * @param logDirectory where {@code <name>.log} goes (overwritten)
	 * @param workingDirectory the child's working directory
	 * @return the running process
	 */
	public static ServiceProcess start(String name, Path jar, int port, List<String> javaOptions,
			Map<String, String> environment, Path logDirectory, Path workingDirectory) {
		return start(name, jar, port, javaOptions, environment, logDirectory, workingDirectory, false);
	}

	/**
	 * Starts {@code java <options> -jar <jar>}.
	 * @param name the application's name, also the log file's
	 * @param jar the Boot jar
	 * @param port the port it will listen on (for health checks)
	 * @param javaOptions JVM flags
	 * @param environment variables added to this process's environment
	 * @param logDirectory where {@code <name>.log} goes
	 * @param workingDirectory the child's working directory
	 * @param appendLog whether to append to the log (a restart) instead of overwriting it
	 * @return the running process
	 */
	public static ServiceProcess start(String name, Path jar, int port, List<String> javaOptions,
			Map<String, String> environment, Path logDirectory, Path workingDirectory, boolean appendLog) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOptions);
		command.add("-jar");
		command.add(jar.toString());
		try {
			Files.createDirectories(logDirectory);
			Path log = logDirectory.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
						: ProcessBuilder.Redirect.to(log.toFile()));
			builder.environment().putAll(environment);
			return new ServiceProcess(name, port, log, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + " (" + String.join(" ", command) + ")", ex);
		}
	}

	/**
	 * @return the application's name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return its port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return its log file
	 */
	public Path log() {
		return this.log;
	}

	/**
	 * @return the base URL, {@code http://127.0.0.1:<port>}
	 */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * @return whether the process is still running
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * @return completes when the process has ended
	 */
	public CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	/**
	 * @return the exit status; only once the process has ended
	 */
	public int exitValue() {
		return this.process.exitValue();
	}

	/**
	 * @return its process id
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * @return whether it was asked to stop ({@link #requestStop()}), so that its end is
	 * not a crash
	 */
	public boolean stopRequested() {
		return this.stopRequested;
	}

	/**
	 * @return seconds since start
	 */
	public double secondsSinceStart() {
		return (System.nanoTime() - this.startedNanos) / 1e9;
	}

	/**
	 * Asks {@code /actuator/health} once.
	 * @return whether it answered 200 with status UP
	 */
	public boolean isHealthy() {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
				.timeout(Duration.ofSeconds(3))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The last lines of the log, for error messages.
	 * @param lines how many
	 * @return the lines joined by newlines
	 */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Kills the process at once (SIGKILL: no shutdown hooks run, as in a crash) and waits
	 * for it to end.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Asks the process to stop (SIGTERM: Spring shuts down gracefully).
	 */
	public void requestStop() {
		this.stopRequested = true;
		this.process.destroy();
	}

	/**
	 * Stops the process and every process it started: SIGTERM, then SIGKILL to whatever
	 * still runs after {@code grace}.
	 * @param grace how long the process may take to shut down
	 */
	public void stop(Duration grace) {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		requestStop();
		awaitStop(grace);
		for (ProcessHandle child : descendants) {
			child.destroy();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		for (ProcessHandle child : descendants) {
			long left = deadline - System.nanoTime();
			try {
				if (left <= 0 || child.isAlive() && !waitFor(child, left)) {
					child.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				child.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	private static boolean waitFor(ProcessHandle handle, long nanos) throws InterruptedException {
		try {
			handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/**
	 * Waits for the process to end after {@link #requestStop()}, killing it when it takes
	 * longer than {@code grace}.
	 * @param grace how long to wait
	 */
	public void awaitStop(Duration grace) {
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ", port " + this.port + ")";
	}

}
