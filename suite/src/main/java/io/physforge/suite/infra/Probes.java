package io.physforge.suite.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Checks whether a server answers on a port, quickly and without side effects.
 */
final class Probes {

	private static final int CONNECT_TIMEOUT_MS = 500;

	private Probes() {
	}

	static boolean portOpen(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Sends {@code PING} and expects {@code +PONG}.
	 */
	static boolean redisAnswers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			return "+PONG".equals(in.readLine());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * An S3 server answers an anonymous {@code GET /} with an S3 error document or bucket
	 * list and an {@code x-amz-request-id} header.
	 */
	static boolean s3Answers(String host, int port) {
		if (!portOpen(host, port)) {
			return false;
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			boolean s3Header = response.headers().firstValue("x-amz-request-id").isPresent();
			String body = response.body();
			boolean s3Body = body.contains("<Error>") || body.contains("ListAllMyBucketsResult");
			return s3Header && s3Body;
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
	 * Opens and closes a connection.
	 * @return {@code null} when it worked, else the reason it did not
	 */
	static String postgresProblem(PostgresEndpoint endpoint) {
		if (!portOpen(endpoint.host(), endpoint.port())) {
			return "nothing listens on " + endpoint.host() + ":" + endpoint.port();
		}
		try (Connection connection = connect(endpoint)) {
			return null;
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	static Connection connect(PostgresEndpoint endpoint) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", endpoint.user());
		if (!endpoint.password().isEmpty()) {
			properties.setProperty("password", endpoint.password());
		}
		properties.setProperty("connectTimeout", "3");
		properties.setProperty("loginTimeout", "5");
		return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not find a free local port", ex);
		}
	}

}
