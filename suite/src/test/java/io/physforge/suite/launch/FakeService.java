package io.physforge.suite.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service's Boot jar in launcher tests (packed alone into
 * {@code <module>/target/<module>-0.1.0.jar} by {@link FakeRepository}): listens on its
 * {@code PF_<NAME>_PORT} and answers {@code /actuator/health} with its pid. Knobs, from
 * the environment: {@code PF_FAKE_NEVER_HEALTHY} (modules answering 503),
 * {@code PF_FAKE_GRANDCHILD} (start a {@code sleep} child), {@code PF_FAKE_CRASH_FILE}
 * (exit with status 3 while that file exists).
 */
public final class FakeService {

	private FakeService() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		String module = jar.getParent().getParent().getFileName().toString();
		long pid = ProcessHandle.current().pid();
		System.out.println("fake " + module + " started pid " + pid + " at " + System.currentTimeMillis());
		String crashFile = System.getenv("PF_FAKE_CRASH_FILE");
		if (crashFile != null) {
			Thread crasher = new Thread(() -> crashWhenPresent(Path.of(crashFile)));
			crasher.setDaemon(true);
			crasher.start();
		}
		if ("true".equals(System.getenv("PF_FAKE_GRANDCHILD"))) {
			new ProcessBuilder("sleep", "600").start();
		}
		String base = module.endsWith("-service") ? module.substring(0, module.length() - "-service".length()) : module;
		int port = Integer.parseInt(System.getenv("PF_" + base.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT"));
		boolean healthy = Arrays.stream(System.getenv().getOrDefault("PF_FAKE_NEVER_HEALTHY", "").split(","))
			.noneMatch(module::equals);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		server.createContext("/actuator/health", (exchange) -> {
			byte[] body = ("{\"status\":\"" + (healthy ? "UP" : "DOWN") + "\",\"pid\":" + pid + "}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	private static void crashWhenPresent(Path file) {
		while (true) {
			if (Files.exists(file)) {
				System.out.println("fake crashes");
				System.exit(3);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

}
