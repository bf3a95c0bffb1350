package io.physforge.cli.remote;

import java.nio.file.Path;
import java.util.Map;

import io.physforge.cli.remote.internal.ApiClient;
import io.physforge.cli.remote.internal.Credentials;
import picocli.CommandLine.Option;

/**
 * Options every remote command takes: the server, the output format and the config
 * directory.
 */
public class RemoteOptions {

	/** The server when neither {@code --server} nor {@code PF_SERVER} names one. */
	public static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

	/** How results are printed. */
	public enum Output {

		/** Aligned columns for people. */
		TABLE,

		/** The server's JSON, indented, for scripts. */
		JSON

	}

	@Option(names = "--server", paramLabel = "URL",
			description = "The PhysForge gateway (default: $PF_SERVER, else " + DEFAULT_SERVER + ").")
	String server;

	@Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
			description = "table or json (default: ${DEFAULT-VALUE}).")
	Output output = Output.TABLE;

	@Option(names = "--config-dir", paramLabel = "DIR",
			description = "Where tokens are kept (default: $XDG_CONFIG_HOME/physforge or ~/.config/physforge).")
	Path configDir;

	/** The process environment; tests replace it. */
	static Map<String, String> environment = System.getenv();

	/**
	 * @return the server URL
	 */
	public String server() {
		if (this.server != null && !this.server.isBlank()) {
			return this.server.strip();
		}
		String env = environment.get("PF_SERVER");
		return (env != null && !env.isBlank()) ? env.strip() : DEFAULT_SERVER;
	}

	/**
	 * @return the output format
	 */
	public Output output() {
		return this.output;
	}

	/**
	 * @return a client of the server with the user's tokens
	 */
	public ApiClient client() {
		Path directory = (this.configDir != null) ? this.configDir : Credentials.defaultDirectory(environment);
		return new ApiClient(server(), new Credentials(directory));
	}

}
