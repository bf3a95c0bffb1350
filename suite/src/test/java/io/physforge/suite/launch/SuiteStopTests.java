package io.physforge.suite.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./physforge-suite} stopped by a signal during start-up leaves no process behind:
 * the launcher runs as a child JVM over {@link FakeService} jars (each starting a
 * {@code sleep} grandchild); auth-service comes up, the gateway never does, and the
 * signal arrives while the launcher waits for it.
 */
class SuiteStopTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "TERM", "INT" })
	void signalDuringStartupStopsEveryDescendant(String signal) throws Exception {
		Path repository = FakeRepository.create(Files.createDirectories(this.directory.resolve("repository")),
				"auth-service", "gateway");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Duser.home=" + this.directory.resolve("home"), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), SuiteLauncher.class.getName(), "--services", "auth", "--no-demo")
			.directory(repository.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("launcher.log").toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("PF_"));
		env.put("PF_AUTH_PORT", Integer.toString(freePort()));
		env.put("PF_GATEWAY_PORT", Integer.toString(freePort()));
		env.put("PF_DB_URL", "jdbc:postgresql://127.0.0.1:5432/physforge_launcher_test");
		env.put("PF_DB_USER", "postgres");
		env.put("PF_JAVA_OPTS", "-Xmx32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto");
		env.put("PF_FAKE_NEVER_HEALTHY", "gateway");
		env.put("PF_FAKE_GRANDCHILD", "true");
		Process launcher = builder.start();
		List<ProcessHandle> descendants = List.of();
		try {
			// both fakes and both of their sleeps: start-up is under way, waiting for the
			// gateway
			await().atMost(Duration.ofSeconds(25))
				.until(() -> launcher.descendants().filter(SuiteStopTests::isSleep).count() == 2);
			descendants = launcher.descendants().toList();
			assertThat(descendants).hasSizeGreaterThanOrEqualTo(4);
			assertThat(Files.readString(this.directory.resolve("launcher.log"))).doesNotContain("PhysForge is up");

			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(launcher.pid())).start();
			assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
			assertThat(launcher.waitFor(25, TimeUnit.SECONDS)).as("launcher ended").isTrue();
			List<ProcessHandle> started = descendants;
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(started).as("processes the launcher started")
					.noneMatch(ProcessHandle::isAlive));
			assertThat(Files.readString(this.directory.resolve("launcher.log"))).contains("Stopping PhysForge");
		}
		finally {
			descendants.forEach(ProcessHandle::destroyForcibly);
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		}
	}

	private static boolean isSleep(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("/sleep")).orElse(false);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
