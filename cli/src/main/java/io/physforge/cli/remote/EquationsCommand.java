package io.physforge.cli.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.cli.remote.internal.Printer;
import io.physforge.cli.remote.internal.Table;
import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.TermCoefficient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code physforge equations show PIPELINE}: the equations a pipeline's discovery step
 * found.
 */
@Command(name = "equations", mixinStandardHelpOptions = true, description = "Show discovered equations.",
		subcommands = { EquationsCommand.Show.class })
public class EquationsCommand implements Runnable {

	private static final ObjectMapper JSON = new ObjectMapper();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "a subcommand is required (show)");
	}

	/**
	 * The equations of discovery runs as plain text lines ({@code u_t = -1.0000*u*u_x +
	 * 0.1000*u_xx}).
	 * @param runs the runs ({@code GET /api/discovery/runs/by-pipeline/{id}})
	 * @return one line per equation of each completed run
	 */
	public static List<String> equations(JsonNode runs) {
		List<String> lines = new ArrayList<>();
		for (JsonNode run : runs) {
			for (JsonNode equation : run.path("equations")) {
				List<TermCoefficient> terms = new ArrayList<>();
				for (JsonNode term : equation.path("terms")) {
					terms.add(new TermCoefficient(term.path("term").asText(), term.path("coefficient").asDouble()));
				}
				lines.add(DiscoveredEquation.of(equation.path("lhs").asText(), terms).text());
			}
		}
		return lines;
	}

	static void printEquations(RemoteCommand command, JsonNode runs) {
		if (command.json()) {
			Printer.json(command.out(), runs);
			return;
		}
		Table table = new Table("RUN", "STATUS", "EQUATION");
		for (JsonNode run : runs) {
			List<String> lines = equations(JSON.createArrayNode().add(run));
			if (lines.isEmpty()) {
				String error = Printer.text(run, "error");
				table.row(Printer.text(run, "id"), Printer.text(run, "status"), (error != null) ? error : "-");
			}
			for (String line : lines) {
				table.row(Printer.text(run, "id"), Printer.text(run, "status"), line);
			}
		}
		table.print(command.out());
	}

	/** {@code equations show PIPELINE}. */
	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Show the equations a pipeline's discovery step found.")
	static class Show extends RemoteCommand {

		@Parameters(paramLabel = "PIPELINE", description = "The pipeline id.")
		UUID pipeline;

		@Override
		void run() {
			printEquations(this, client().get("/api/discovery/runs/by-pipeline/" + this.pipeline));
		}

	}

}
