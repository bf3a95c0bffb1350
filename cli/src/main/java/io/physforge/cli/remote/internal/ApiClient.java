package io.physforge.cli.remote.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The gateway's REST API over {@code java.net.http}: bearer tokens from
 * {@link Credentials}, refreshed shortly before they expire and once more on a 401;
 * problem details turned into one-line {@link RemoteException}s.
 */
public final class ApiClient {

	/** Refresh when the access token expires within this. */
	static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String server;

	private final Credentials credentials;

	/**
	 * @param server the gateway URL ({@code http://host:port})
	 * @param credentials where tokens are kept
	 */
	public ApiClient(String server, Credentials credentials) {
		this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
		this.credentials = credentials;
	}

	/**
	 * @return the gateway URL
	 */
	public String server() {
		return this.server;
	}

	/**
	 * @return where tokens are kept
	 */
	public Credentials credentials() {
		return this.credentials;
	}

	/**
	 * Logs in with e-mail and password and keeps the tokens.
	 * @param email the e-mail
	 * @param password the password
	 * @return the kept session
	 */
	public Credentials.Session login(String email, String password) {
		JsonNode tokens = send(json("POST", "/api/auth/login", Map.of("email", email, "password", password)), false);
		return keep(tokens, null);
	}

	/**
	 * Logs in with an API key and keeps the tokens (and the key, to log in again when
	 * they expire).
	 * @param apiKey the key
	 * @return the kept session
	 */
	public Credentials.Session loginWithApiKey(String apiKey) {
		JsonNode tokens = send(json("POST", "/api/auth/api-keys/exchange", Map.of("apiKey", apiKey)), false);
		return keep(tokens, apiKey);
	}

	/**
	 * Logs out: the server revokes the kept refresh token (so a copy of the credentials
	 * file can no longer make new access tokens), then the session is forgotten here. The
	 * access token itself stays valid until it expires (at most its lifetime, 15 minutes
	 * by default): it is a signed JWT that services check without asking auth-service.
	 * @return {@code true} when the server revoked a refresh token, {@code false} when
	 * there was none to revoke (no session, or one from an API key without refresh token)
	 * @throws RemoteException when the server refused; the session is then kept
	 */
	public boolean logout() {
		Credentials.Session session = this.credentials.load(this.server);
		boolean revoked = false;
		if (session != null && session.refreshToken() != null) {
			send(json("POST", "/api/auth/logout", Map.of("refreshToken", session.refreshToken())), false);
			revoked = true;
		}
		this.credentials.remove(this.server);
		return revoked;
	}

	/**
	 * GET, authenticated.
	 * @param path the path and query
	 * @return the body as JSON
	 */
	public JsonNode get(String path) {
		return authenticated(() -> request(path).GET());
	}

	/**
	 * POST of a JSON body, authenticated.
	 * @param path the path
	 * @param body the body, {@code null} for none
	 * @return the answer as JSON
	 */
	public JsonNode post(String path, Object body) {
		return authenticated(() -> request(path).header("Content-Type", "application/json")
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(write(body))
					: HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * DELETE, authenticated.
	 * @param path the path
	 * @return the answer as JSON (missing for 204)
	 */
	public JsonNode delete(String path) {
		return authenticated(() -> request(path).DELETE());
	}

	/**
	 * Multipart upload of a file, authenticated.
	 * @param path the path
	 * @param part the file part's name
	 * @param file the file
	 * @param fields further form fields (null values left out)
	 * @return the answer as JSON
	 */
	public JsonNode upload(String path, String part, Path file, Map<String, String> fields) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file + ": no such file; give the path of a data file to upload");
		}
		String boundary = "physforge-" + UUID.randomUUID();
		return authenticated(() -> {
			try {
				return request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(Multipart.body(boundary, part, file, fields));
			}
			catch (NoSuchFileException ex) {
				throw new IllegalArgumentException(file + ": no such file", ex);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
			}
		});
	}

	/**
	 * GET, authenticated, with the body written to a file as it arrives (large answers
	 * such as exports); on an error answer the file is removed and the problem thrown.
	 * @param path the path and query
	 * @param target the file to write
	 * @return the number of bytes written
	 */
	public long download(String path, Path target) {
		HttpResponse<Path> response = exchange(() -> request(path).GET(), HttpResponse.BodyHandlers.ofFile(target),
				true);
		try {
			if (response.statusCode() >= 400) {
				String text = Files.readString(target, StandardCharsets.UTF_8);
				Files.deleteIfExists(target);
				throw problem(response.statusCode(), text);
			}
			return Files.size(target);
		}
		catch (IOException ex) {
			throw new RemoteException(0, "Cannot write " + target + ": " + ex.getMessage());
		}
	}

	/**
	 * Reads a server-sent-event stream until it ends or {@code handler} returns
	 * {@code false}.
	 * @param path the stream's path
	 * @param handler called for each event; returns whether to go on
	 */
	public void events(String path, Predicate<SseEvent> handler) {
		HttpResponse<InputStream> response = exchange(() -> request(path).header("Accept", "text/event-stream").GET(),
				HttpResponse.BodyHandlers.ofInputStream(), true);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			if (response.statusCode() >= 400) {
				StringBuilder text = new StringBuilder();
				reader.lines().forEach(text::append);
				throw problem(response.statusCode(), text.toString());
			}
			SseEvent.read(reader, handler);
		}
		catch (IOException ex) {
			throw new RemoteException(0, "The event stream " + path + " broke: " + ex.getMessage());
		}
	}

	/**
	 * A path segment or query value, URL-encoded.
	 * @param value the value
	 * @return it encoded
	 */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private interface RequestFactory {

		HttpRequest.Builder build();

	}

	private JsonNode authenticated(RequestFactory factory) {
		return send(factory, true);
	}

	private JsonNode send(HttpRequest.Builder builder, boolean authenticated) {
		return send(() -> builder, authenticated);
	}

	private JsonNode send(RequestFactory factory, boolean authenticated) {
		HttpResponse<String> response = exchange(factory, HttpResponse.BodyHandlers.ofString(), authenticated);
		if (response.statusCode() >= 400) {
			throw problem(response.statusCode(), response.body());
		}
		return parse(response.body());
	}

	private <T> HttpResponse<T> exchange(RequestFactory factory, HttpResponse.BodyHandler<T> body,
			boolean authenticated) {
		Credentials.Session session = null;
		if (authenticated) {
			session = this.credentials.load(this.server);
			if (session == null) {
				throw new RemoteException(401,
						"Not logged in to " + this.server + "; run 'physforge login --server " + this.server + "'");
			}
			if (Instant.now().plus(REFRESH_MARGIN).isAfter(session.expiresAt())) {
				session = refresh(session);
			}
		}
		HttpResponse<T> response = call(factory, session, body);
		if (authenticated && response.statusCode() == 401) {
			close(response);
			session = refresh(session);
			response = call(factory, session, body);
		}
		return response;
	}

	private <T> HttpResponse<T> call(RequestFactory factory, Credentials.Session session,
			HttpResponse.BodyHandler<T> body) {
		HttpRequest.Builder builder = factory.build();
		if (session != null) {
			builder.setHeader("Authorization", "Bearer " + session.accessToken());
		}
		HttpRequest request = builder.build();
		try {
			return this.http.send(request, body);
		}
		catch (ConnectException ex) {
			throw new RemoteException(0, "Cannot connect to " + this.server
					+ ": is the suite running? Start it with 'bin/physforge-suite', or give --server / PF_SERVER");
		}
		catch (IOException ex) {
			throw new RemoteException(0, request.method() + " " + request.uri() + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RemoteException(0, "Interrupted");
		}
	}

	private Credentials.Session refresh(Credentials.Session session) {
		if (session.refreshToken() != null) {
			HttpResponse<String> response = call(
					() -> json("POST", "/api/auth/refresh", Map.of("refreshToken", session.refreshToken())), null,
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() < 400) {
				return keep(parse(response.body()), session.apiKey());
			}
		}
		if (session.apiKey() != null) {
			return loginWithApiKey(session.apiKey());
		}
		throw new RemoteException(401, "Your session on " + this.server + " expired; run 'physforge login --server "
				+ this.server + "' again");
	}

	private Credentials.Session keep(JsonNode tokens, String apiKey) {
		String access = tokens.path("accessToken").asText(null);
		if (access == null) {
			throw new RemoteException(0, "The server answered no access token: " + tokens);
		}
		long expiresIn = tokens.path("expiresIn").asLong(300);
		Credentials.Session session = new Credentials.Session(access, tokens.path("refreshToken").asText(null),
				Instant.now().plusSeconds(expiresIn), apiKey);
		this.credentials.save(this.server, session);
		return session;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.server + path)).timeout(Duration.ofMinutes(10));
	}

	private HttpRequest.Builder json(String method, String path, Object body) {
		return request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
	}

	private static void close(HttpResponse<?> response) {
		if (response.body() instanceof InputStream in) {
			try {
				in.close();
			}
			catch (IOException ex) {
				// nothing more to read
			}
		}
	}

	/**
	 * The one-line error of a refused request: the problem's detail and field errors.
	 * @param status the HTTP status
	 * @param body the answer
	 * @return the exception
	 */
	static RemoteException problem(int status, String body) {
		JsonNode problem = parse(body);
		String detail = problem.path("detail").asText("");
		if (detail.isBlank()) {
			detail = problem.path("title").asText("");
		}
		if (detail.isBlank()) {
			detail = (body != null && !body.isBlank() && body.length() < 300) ? body.strip() : "no details";
		}
		List<String> fields = new ArrayList<>();
		for (JsonNode error : problem.path("errors")) {
			String field = error.path("field").asText("");
			String message = error.path("message").asText("");
			String line = field.isEmpty() ? message : field + ": " + message;
			if (!line.isBlank() && !detail.contains(line)) {
				fields.add(line);
			}
		}
		String text = "HTTP " + status + ": " + detail
				+ (fields.isEmpty() ? "" : " (" + String.join("; ", fields) + ")");
		return new RemoteException(status, text.replace('\n', ' ').strip());
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (JsonProcessingException ex) {
			return MissingNode.getInstance();
		}
	}

	private static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
