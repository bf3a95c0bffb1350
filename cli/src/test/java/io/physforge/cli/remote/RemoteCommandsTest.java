package io.physforge.cli.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.physforge.cli.PhysforgeCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote commands over real HTTP against a small server playing the gateway: token kept
 * with mode 600 and refreshed after a 401, problem details as one line, multipart upload,
 * server-sent events driving the progress bar.
 */
class RemoteCommandsTest {

	private static final String PIPELINE = "7d3c0e8e-0000-4000-8000-000000000001";

	@TempDir
	Path config;

	private HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger logins = new AtomicInteger();

	private final List<String> revoked = new CopyOnWriteArrayList<>();

	private volatile String validToken = "token-1";

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().toString();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		this.requests.add(exchange.getRequestMethod() + " " + path + " " + auth);
		if (path.equals("/api/auth/login")) {
			this.logins.incrementAndGet();
			if (!body.contains("\"password\":\"right\"")) {
				reply(exchange, 401, "{\"title\":\"Unauthorized\",\"detail\":\"Wrong e-mail or password.\"}");
				return;
			}
			reply(exchange, 200, "{\"accessToken\":\"token-1\",\"refreshToken\":\"refresh-1\",\"expiresIn\":900}");
			return;
		}
		if (path.equals("/api/auth/logout")) {
			this.revoked.add(body);
			reply(exchange, 204, "");
			return;
		}
		if (path.equals("/api/auth/refresh")) {
			if (!body.contains("refresh-1")) {
				reply(exchange, 401, "{\"detail\":\"bad refresh token\"}");
				return;
			}
			this.validToken = "token-2";
			reply(exchange, 200, "{\"accessToken\":\"token-2\",\"refreshToken\":\"refresh-2\",\"expiresIn\":900}");
			return;
		}
		if (!("Bearer " + this.validToken).equals(auth)) {
			reply(exchange, 401, "{\"detail\":\"expired\"}");
			return;
		}
		if (path.startsWith("/api/data/datasets") && exchange.getRequestMethod().equals("POST")) {
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			if (!contentType.startsWith("multipart/form-data; boundary=") || !body.contains("filename=\"u.csv\"")
					|| !body.contains("t,x,u")) {
				reply(exchange, 400, "{\"detail\":\"not multipart\"}");
				return;
			}
			reply(exchange, 422,
					"{\"type\":\"https://physforge.dev/problems/invalid-dataset\",\"status\":422,"
							+ "\"detail\":\"u.csv, line 2: 'x' is not a number.\\nFix: write numbers\","
							+ "\"errors\":[{\"field\":\"file\",\"message\":\"unreadable\"}]}");
			return;
		}
		if (path.equals("/api/orchestration/pipelines/" + PIPELINE + "/events")) {
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(("event: snapshot\ndata: {\"id\":\"" + PIPELINE
						+ "\",\"status\":\"running\",\"progress\":0,\"jobs\":[]}\n\n" + ": keep-alive\n\n"
						+ "event: job\ndata: {\"stepId\":\"discovery\",\"status\":\"running\",\"progress\":50,"
						+ "\"progressMessage\":\"discovering\"}\n\n" + "event: pipeline\ndata: {\"id\":\"" + PIPELINE
						+ "\",\"status\":\"running\",\"progress\":50}\n\n" + "event: pipeline\ndata: {\"id\":\""
						+ PIPELINE + "\",\"status\":\"completed\",\"progress\":100}\n\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			return;
		}
		if (path.equals("/api/orchestration/pipelines/" + PIPELINE)) {
			reply(exchange, 200, "{\"id\":\"" + PIPELINE + "\",\"status\":\"completed\",\"progress\":100,\"jobs\":"
					+ "[{\"stepId\":\"discovery\",\"type\":\"discovery\",\"status\":\"completed\",\"progress\":100}]}");
			return;
		}
		if (path.startsWith("/api/data/datasets")) {
			reply(exchange, 200, "{\"items\":[{\"id\":\"d1\",\"name\":\"burgers\",\"format\":\"HDF5\","
					+ "\"shape\":[101,256],\"fields\":[\"u\"],\"coordinates\":[{\"name\":\"t\"},{\"name\":\"x\"}]}],"
					+ "\"page\":0,\"size\":20,\"totalItems\":1,\"totalPages\":1}");
			return;
		}
		reply(exchange, 404, "{\"detail\":\"No such thing " + path + "\"}");
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private Run run(String... args) {
		CommandLine command = PhysforgeCommand.commandLine();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(err, true));
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--server", url(), "--config-dir", this.config.toString()));
		return new Run(command.execute(all.toArray(String[]::new)), out.toString(), err.toString());
	}

	record Run(int exit, String out, String err) {

	}

	@Test
	void loginKeepsTheTokenPrivatelyAndA401IsRefreshedOnce() throws IOException {
		Run wrong = run("login", "--email", "ada@example.org", "--password", "wrong");
		assertThat(wrong.exit()).isEqualTo(1);
		assertThat(wrong.err().strip()).isEqualTo("physforge login: HTTP 401: Wrong e-mail or password.");
		assertThat(run("datasets", "list").err()).contains("Not logged in to " + url());

		Run login = run("login", "--email", "ada@example.org", "--password", "right");
		assertThat(login.exit()).as(login.err()).isZero();
		Path credentials = this.config.resolve("credentials.json");
		assertThat(Files.getPosixFilePermissions(credentials)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(Files.readString(credentials)).contains("token-1").contains("refresh-1").contains(url());

		// the server no longer accepts token-1: one 401, a refresh, the request again
		this.validToken = "token-2";
		this.requests.clear();
		Run list = run("datasets", "list");
		assertThat(list.exit()).as(list.err()).isZero();
		assertThat(list.out()).contains("d1").contains("burgers").contains("HDF5").contains("1 data set(s)");
		assertThat(this.requests).containsExactly("GET /api/data/datasets?page=0&size=20 Bearer token-1",
				"POST /api/auth/refresh null", "GET /api/data/datasets?page=0&size=20 Bearer token-2");
		assertThat(Files.readString(credentials)).contains("token-2").contains("refresh-2");
		assertThat(this.logins).hasValue(2);
	}

	@Test
	void logoutRevokesTheRefreshTokenAndForgetsTheSession() throws IOException {
		Run none = run("logout");
		assertThat(none.exit()).as(none.err()).isZero();
		assertThat(none.out()).contains("Not logged in to " + url());
		assertThat(this.revoked).isEmpty();

		run("login", "--email", "ada@example.org", "--password", "right");
		Run logout = run("logout");
		assertThat(logout.exit()).as(logout.err()).isZero();
		assertThat(logout.out()).contains("Logged out of " + url()).contains("refresh token revoked");
		assertThat(this.revoked).containsExactly("{\"refreshToken\":\"refresh-1\"}");
		assertThat(Files.readString(this.config.resolve("credentials.json"))).doesNotContain(url())
			.doesNotContain("token-1");
		assertThat(run("datasets", "list").err()).contains("Not logged in to " + url());
	}

	@Test
	void aRefusedUploadIsOneLineWithDetailAndFieldErrors() throws IOException {
		run("login", "--email", "ada@example.org", "--password", "right");
		Path file = this.config.resolve("u.csv");
		Files.writeString(file, "t,x,u\n0,x,1\n");
		Run upload = run("datasets", "upload", file.toString());
		assertThat(upload.exit()).isEqualTo(1);
		assertThat(upload.err()).isEqualTo("physforge datasets upload: HTTP 422: u.csv, line 2: 'x' is not a number. "
				+ "Fix: write numbers (file: unreadable)" + System.lineSeparator());
		Run missing = run("datasets", "upload", this.config.resolve("nope.h5").toString());
		assertThat(missing.exit()).isEqualTo(1);
		assertThat(missing.err()).contains("nope.h5: no such file");
	}

	@Test
	void watchDrawsTheProgressBarFromServerSentEventsUntilThePipelineEnds() {
		run("login", "--email", "ada@example.org", "--password", "right");
		Run unknown = run("pipelines", "show", "00000000-0000-0000-0000-000000000002", "--watch");
		assertThat(unknown.exit()).isEqualTo(1);
		assertThat(unknown.err()).contains("HTTP 404").contains("No such thing");
		Run shown = run("pipelines", "show", PIPELINE, "--watch");
		assertThat(shown.exit()).as(shown.err()).isZero();
		assertThat(shown.err()).contains("discovery running: discovering")
			.contains("[###############...............]  50%")
			.contains("[##############################] 100%");
		assertThat(shown.out()).contains(PIPELINE).contains("completed");
	}

}
