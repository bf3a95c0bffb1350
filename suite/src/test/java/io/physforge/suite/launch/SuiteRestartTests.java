package io.physforge.suite.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose process ends unasked once the suite is up is started again, with a
 * growing delay while it keeps crashing ({@link FakeService} jars in place of the
 * services).
 */
class SuiteRestartTests {

	private static final RestartBackoff BACKOFF = new RestartBackoff(Duration.ofMillis(200), Duration.ofMillis(1600),
			Duration.ofMinutes(1));

	private static final Pattern PID = Pattern.compile("\"pid\":(\\d+)");

	private static final Pattern STARTED = Pattern.compile("fake auth-service started pid \\d+ at (\\d+)");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@TempDir
	Path directory;

	private Path crashFile;

	private Suite suite;

	@BeforeEach
	void start() throws IOException {
		Path repository = FakeRepository.create(Files.createDirectories(this.directory.resolve("repository")),
				"auth-service", "gateway");
		this.crashFile = this.directory.resolve("crash");
		this.suite = Suite.start(SuiteSettings.builder()
			.repository(repository)
			.services(List.of(ServiceDefinition.byName("auth")))
			.environment(Map.of())
			.database("physforge_launcher_test", false)
			.logDirectory(this.directory.resolve("logs"))
			.freePorts(true)
			.javaOptions(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"))
			.startupTimeout(Duration.ofSeconds(60))
			.extraEnvironment("PF_FAKE_CRASH_FILE", this.crashFile.toString())
			.restartCrashed(BACKOFF)
			.build());
	}

	@AfterEach
	void stop() {
		this.suite.close();
	}

	@Test
	void killedServiceIsStartedAgainAndBecomesHealthy() {
		long before = healthyPid();
		assertThat(before).isPositive();
		this.suite.kill("auth");
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			long now = healthyPid();
			return now > 0 && now != before;
		});
	}

	@Test
	void serviceThatKeepsCrashingIsStartedAgainLaterEachTimeThenRecovers() throws IOException {
		long before = healthyPid();
		Files.writeString(this.crashFile, "crash");
		await().atMost(Duration.ofSeconds(40)).until(() -> starts().size() >= 6);
		List<Long> starts = starts();
		for (int i = 1; i < starts.size(); i++) {
			long gap = starts.get(i) - starts.get(i - 1);
			assertThat(gap).as("ms between start %d and %d", i, i + 1)
				.isGreaterThanOrEqualTo(BACKOFF.delay(i).toMillis());
		}
		Files.delete(this.crashFile);
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			long now = healthyPid();
			return now > 0 && now != before;
		});
	}

	@Test
	void closeStopsRestarting() throws IOException {
		URI health = this.suite.serviceUri("auth").resolve("/actuator/health");
		this.suite.kill("auth");
		this.suite.close();
		int started = starts().size();
		// a restart would have come 200 ms after the kill: none for ten times that
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> starts().size() == started && pid(health) == 0);
	}

	private List<Long> starts() throws IOException {
		Matcher matcher = STARTED.matcher(Files.readString(this.directory.resolve("logs").resolve("auth-service.log")));
		return matcher.results().map((result) -> Long.parseLong(result.group(1))).toList();
	}

	private long healthyPid() {
		return pid(this.suite.serviceUri("auth").resolve("/actuator/health"));
	}

	private static long pid(URI health) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher matcher = PID.matcher(response.body());
			return (response.statusCode() == 200 && matcher.find()) ? Long.parseLong(matcher.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

}
