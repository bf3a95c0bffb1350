package io.physforge.cli.remote;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import io.physforge.cli.remote.internal.ApiClient;
import io.physforge.cli.remote.internal.Credentials;
import io.physforge.cli.remote.internal.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code physforge login}: with e-mail and password or with an API key; the tokens are
 * kept in the config directory (mode 600) and refreshed when needed.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
		description = "Log in to the gateway (password or API key); tokens are kept for later commands.")
public class LoginCommand extends RemoteCommand {

	@Option(names = { "-e", "--email" }, paramLabel = "EMAIL", description = "Your e-mail (default: $PF_EMAIL).")
	String email;

	@Option(names = { "-p", "--password" }, paramLabel = "PASSWORD",
			description = "Your password (default: $PF_PASSWORD, else asked for, or read from stdin with --password-stdin).")
	String password;

	@Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
	boolean passwordStdin;

	@Option(names = { "-k", "--api-key" }, paramLabel = "KEY",
			description = "Log in with an API key instead (default: $PF_API_KEY when no e-mail is given).")
	String apiKey;

	@Override
	void run() throws IOException {
		ApiClient client = client();
		String key = (this.apiKey != null) ? this.apiKey
				: (this.email == null) ? RemoteOptions.environment.get("PF_API_KEY") : null;
		Credentials.Session session;
		String who;
		if (key != null && !key.isBlank()) {
			session = client.loginWithApiKey(key.strip());
			who = "API key " + key.strip().substring(0, Math.min(8, key.strip().length())) + "...";
		}
		else {
			String user = (this.email != null) ? this.email : RemoteOptions.environment.get("PF_EMAIL");
			if (user == null || user.isBlank()) {
				throw new IllegalArgumentException("give --email (and --password) or --api-key");
			}
			session = client.login(user.strip(), password());
			who = user.strip();
		}
		if (json()) {
			com.fasterxml.jackson.databind.node.ObjectNode node = new com.fasterxml.jackson.databind.ObjectMapper()
				.createObjectNode();
			node.put("server", client.server());
			node.put("user", who);
			node.put("expiresAt", session.expiresAt().toString());
			node.put("credentials", client.credentials().file().toString());
			Printer.json(out(), node);
		}
		else {
			out().println("Logged in to " + client.server() + " as " + who + " (token kept in "
					+ client.credentials().file() + ")");
			out().flush();
		}
	}

	private String password() throws IOException {
		if (this.password != null) {
			return this.password;
		}
		if (this.passwordStdin) {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isEmpty()) {
				throw new IllegalArgumentException("--password-stdin: standard input was empty");
			}
			return line;
		}
		String env = RemoteOptions.environment.get("PF_PASSWORD");
		if (env != null && !env.isEmpty()) {
			return env;
		}
		Console console = System.console();
		if (console == null) {
			throw new IllegalArgumentException(
					"no password: give --password, --password-stdin or PF_PASSWORD (no terminal to ask on)");
		}
		char[] typed = console.readPassword("Password: ");
		if (typed == null || typed.length == 0) {
			throw new IllegalArgumentException("no password given");
		}
		return new String(typed);
	}

}
