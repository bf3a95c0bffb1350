package io.physforge.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.cli.PhysforgeCommand;
import picocli.CommandLine;

/**
 * The {@code physforge} command run in-process against the running suite's gateway, as
 * one user (a config directory of their own).
 *
 * @param gateway the gateway URL
 * @param configDir where this user's tokens are kept
 */
record Cli(String gateway, Path configDir) {

	/** What one command did. */
	record Result(int exit, String out, String err) {

		JsonNode json() {
			try {
				return Api.JSON.readTree(this.out);
			}
			catch (Exception ex) {
				throw new AssertionError("not JSON (exit " + this.exit + ", stderr " + this.err + "): " + this.out, ex);
			}
		}

		@Override
		public String toString() {
			return "exit " + this.exit + "\nstdout: " + this.out + "\nstderr: " + this.err;
		}

	}

	/**
	 * Runs {@code physforge <args> --server <gateway> --config-dir
	 *
	<dir>
	 * }.
	 * @param args the subcommand and its arguments
	 * @return exit code and output
	 */
	Result run(String... args) {
		CommandLine command = PhysforgeCommand.commandLine();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(err, true));
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--server", this.gateway, "--config-dir", this.configDir.toString()));
		int exit = command.execute(all.toArray(String[]::new));
		return new Result(exit, out.toString(), err.toString());
	}

}
