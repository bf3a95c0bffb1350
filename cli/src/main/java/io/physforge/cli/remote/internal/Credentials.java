package io.physforge.cli.remote.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tokens of each server, in {@code credentials.json} of the config directory
 * ({@code $XDG_CONFIG_HOME/physforge} or {@code ~/.config/physforge}), readable by the
 * user only (mode 600).
 */
public final class Credentials {

	/** The file name in the config directory. */
	public static final String FILE = "credentials.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path file;

	/**
	 * @param directory the config directory
	 */
	public Credentials(Path directory) {
		this.file = directory.resolve(FILE);
	}

	/**
	 * The default config directory.
	 * @param environment the process environment
	 * @return {@code $XDG_CONFIG_HOME/physforge}, else {@code ~/.config/physforge}
	 */
	public static Path defaultDirectory(Map<String, String> environment) {
		String xdg = environment.get("XDG_CONFIG_HOME");
		if (xdg != null && !xdg.isBlank()) {
			return Path.of(xdg, "physforge");
		}
		return Path.of(System.getProperty("user.home"), ".config", "physforge");
	}

	/**
	 * @return the file
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * The session of a server.
	 * @param server the server URL
	 * @return its session, or {@code null} when not logged in
	 */
	public synchronized Session load(String server) {
		ObjectNode all = readAll();
		ObjectNode node = (ObjectNode) all.path("servers").get(server);
		if (node == null) {
			return null;
		}
		return new Session(text(node, "accessToken"), text(node, "refreshToken"),
				node.hasNonNull("expiresAt") ? Instant.parse(node.get("expiresAt").asText()) : Instant.EPOCH,
				text(node, "apiKey"));
	}

	/**
	 * Stores the session of a server.
	 * @param server the server URL
	 * @param session its session
	 */
	public synchronized void save(String server, Session session) {
		ObjectNode all = readAll();
		ObjectNode servers = all.has("servers") ? (ObjectNode) all.get("servers") : all.putObject("servers");
		ObjectNode node = servers.putObject(server);
		node.put("accessToken", session.accessToken());
		node.put("refreshToken", session.refreshToken());
		node.put("expiresAt", session.expiresAt().toString());
		if (session.apiKey() != null) {
			node.put("apiKey", session.apiKey());
		}
		write(all);
	}

	/**
	 * Forgets the session of a server.
	 * @param server the server URL
	 * @return whether there was one
	 */
	public synchronized boolean remove(String server) {
		ObjectNode all = readAll();
		boolean had = all.path("servers").has(server);
		if (had) {
			((ObjectNode) all.get("servers")).remove(server);
			write(all);
		}
		return had;
	}

	private ObjectNode readAll() {
		if (!Files.exists(this.file)) {
			return JSON.createObjectNode();
		}
		try {
			return (ObjectNode) JSON.readTree(this.file.toFile());
		}
		catch (IOException | ClassCastException ex) {
			throw new IllegalStateException("Cannot read " + this.file + " (" + ex.getMessage()
					+ "); delete it and run 'physforge login' again", ex);
		}
	}

	private void write(ObjectNode all) {
		try {
			Files.createDirectories(this.file.getParent());
			Path tmp = this.file.resolveSibling(FILE + ".tmp");
			Files.deleteIfExists(tmp);
			try {
				Files.createFile(tmp,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(tmp);
			}
			catch (FileAlreadyExistsException ex) {
				// written concurrently; overwritten below
			}
			JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
			Files.move(tmp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file + ": " + ex.getMessage(), ex);
		}
	}

	private static String text(ObjectNode node, String name) {
		return node.hasNonNull(name) ? node.get(name).asText() : null;
	}

	/**
	 * Tokens of one server.
	 *
	 * @param accessToken the JWT sent as bearer token
	 * @param refreshToken exchanged for a new pair when the access token expires, may be
	 * {@code null}
	 * @param expiresAt when the access token expires
	 * @param apiKey the API key logged in with, exchanged again when there is no refresh
	 * token, may be {@code null}
	 */
	public record Session(String accessToken, String refreshToken, Instant expiresAt, String apiKey) {

	}

}
