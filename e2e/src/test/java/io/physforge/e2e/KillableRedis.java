package io.physforge.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@code redis-server} process of the e2e run's own, on a free port, that a test may
 * kill ({@code SIGKILL}) and start again on the same port and data directory. It keeps
 * its data in an append-only file written on every command ({@code appendfsync always}),
 * so a kill loses nothing that was acknowledged, as a production Redis with AOF would.
 */
final class KillableRedis implements AutoCloseable {

	private final int port;

	private final Path directory;

	private Process process;

	private KillableRedis(int port, Path directory) {
		this.port = port;
		this.directory = directory;
	}

	/**
	 * Starts a server.
	 * @param directory where it keeps its append-only file and log; emptied first
	 * @return the running server
	 */
	static KillableRedis start(Path directory) {
		try {
			if (Files.isDirectory(directory)) {
				// an earlier run's append-only file would bring its streams back
				try (var files = Files.walk(directory)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		KillableRedis redis = new KillableRedis(freePort(), directory);
		redis.restart();
		return redis;
	}

	/**
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Kills the process with SIGKILL and waits for it to end. */
	synchronized void kill() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Starts the process (again) and waits until it answers PING. */
	synchronized void restart() {
		kill();
		List<String> command = List.of("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--dir", this.directory.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
				"--logfile", "redis.log");
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("stdout.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot start redis-server (is it installed? .ci/run installs it): " + ex.getMessage(), ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!answersPing()) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("redis-server on port " + this.port + " did not start; see "
						+ this.directory.resolve("redis.log"));
			}
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
	}

	@Override
	public void close() {
		kill();
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.read(reply);
			return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
