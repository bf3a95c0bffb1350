package io.physforge.cli.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.cli.remote.internal.ApiClient;
import io.physforge.cli.remote.internal.Printer;
import picocli.CommandLine.Command;

/**
 * {@code physforge logout}: the server revokes the kept refresh token (and every token
 * refreshed from the same login), then the session is removed from the credentials file.
 * When the server cannot be reached the session is kept, so that a later {@code logout}
 * can still revoke it.
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
		description = "Log out of the gateway: revoke the kept refresh token and forget the session.")
public class LogoutCommand extends RemoteCommand {

	@Override
	void run() {
		ApiClient client = client();
		boolean known = client.credentials().load(client.server()) != null;
		boolean revoked = client.logout();
		String text = !known ? "Not logged in to " + client.server() + "; nothing to do"
				: "Logged out of " + client.server()
						+ (revoked ? " (refresh token revoked; the current access token expires within its lifetime)"
								: " (session forgotten; it had no refresh token)");
		if (json()) {
			ObjectNode node = new ObjectMapper().createObjectNode();
			node.put("server", client.server());
			node.put("wasLoggedIn", known);
			node.put("refreshTokenRevoked", revoked);
			Printer.json(out(), node);
		}
		else {
			out().println(text);
			out().flush();
		}
	}

}
