package io.physforge.suite.launch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.physforge.suite.infra.LocalInfrastructure;
import io.physforge.suite.launch.internal.BuildFingerprint;
import io.physforge.suite.launch.internal.Jars;

/**
 * The command that runs PhysForge locally: {@code ./physforge-suite [options]}.
 *
 * <pre>
 * --services auth,data,...  start only these services (default: all; the gateway always starts)
 * --no-demo                 skip the demo
 * --exit-after-demo         stop everything after the demo; exit status 0 when it passed (CI smoke test)
 * --help                    this text
 * </pre> Infrastructure and ports come from the environment ({@code PF_*}, see the
 * README).
 */
public final class SuiteLauncher {

	private SuiteLauncher() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length > 0 && args[0].startsWith("--build-")) {
			System.exit(build(args));
		}
		System.setProperty("logback.configurationFile", "io/physforge/suite/launch/launcher-logback.xml");
		PrintStream out = System.out;
		boolean demo = true;
		boolean exitAfterDemo = false;
		SuiteSettings.Builder settings = SuiteSettings.builder()
			.dataHome(LocalInfrastructure.defaultHome())
			.restartCrashed(RestartBackoff.DEFAULT);
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--no-demo" -> demo = false;
				case "--exit-after-demo" -> exitAfterDemo = true;
				case "--services" -> {
					if (i + 1 >= args.length) {
						fail("--services needs a comma-separated list, e.g. --services auth,data");
					}
					List<ServiceDefinition> services = Arrays.stream(args[++i].split(","))
						.map(String::trim)
						.filter((name) -> !name.isEmpty())
						.map(ServiceDefinition::byName)
						.distinct()
						.toList();
					settings.services(services);
				}
				case "--help", "-h" -> {
					out.println("Usage: ./physforge-suite [--services auth,data,...] [--no-demo] [--exit-after-demo]");
					return;
				}
				default -> fail("Unknown option '" + args[i]
						+ "'. Use --services LIST, --no-demo, --exit-after-demo or --help");
			}
		}
		out.println("Starting PhysForge (logs: ~/.physforge/logs) ...");
		// registered before anything starts: Suite stops what it started by a hook of its
		// own, also during start-up; this one says so and lets main end
		AtomicReference<Suite> running = new AtomicReference<>();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("Stopping PhysForge ...");
			Suite suite = running.get();
			if (suite != null) {
				suite.close();
			}
			stopped.countDown();
		}, "physforge-shutdown"));
		Suite suite;
		try {
			suite = Suite.start(settings.build());
			running.set(suite);
		}
		catch (RuntimeException ex) {
			System.err.println("PhysForge did not start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		out.printf("PhysForge is up after %.0f s:%n", suite.startupSeconds());
		suite.describe().forEach(out::println);
		out.println("  admin: " + suite.adminEmail() + " (password: PF_ADMIN_PASSWORD or ~/.physforge/admin-password)");
		boolean demoPassed = true;
		if (demo || exitAfterDemo) {
			demoPassed = new Demo(suite, out).run();
		}
		if (exitAfterDemo) {
			System.exit(demoPassed ? 0 : 2);
		}
		out.println("API: " + suite.gatewayUri() + "/api/...  Press Ctrl-C to stop.");
		stopped.await();
	}

	/**
	 * For the {@code physforge-suite} script. {@code --build-check} prints the sources'
	 * fingerprint and exits 0 when the jars were built from them, else 10 (the reason on
	 * stderr); {@code --build-record [fingerprint]} records a successful build.
	 */
	private static int build(String[] args) {
		Path repository = Jars.findRepository(Path.of("").toAbsolutePath());
		if (args[0].equals("--build-record")) {
			BuildFingerprint.record(repository, (args.length > 1) ? args[1] : BuildFingerprint.of(repository));
			return 0;
		}
		if (!args[0].equals("--build-check")) {
			System.err.println("Unknown option '" + args[0] + "'");
			return 64;
		}
		String fingerprint = BuildFingerprint.of(repository);
		System.out.println(fingerprint);
		List<String> modules = new ArrayList<>();
		ServiceDefinition.services().forEach((service) -> modules.add(service.module()));
		modules.add(ServiceDefinition.gateway().module());
		Optional<String> reason = BuildFingerprint.reasonToBuild(repository, fingerprint, modules);
		reason.ifPresent((why) -> System.err.println("Build needed: " + why));
		return reason.isPresent() ? 10 : 0;
	}

	private static void fail(String message) {
		System.err.println(message);
		System.exit(64);
	}

}
