package io.physforge.cli.remote;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.cli.remote.internal.Printer;
import io.physforge.cli.remote.internal.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code physforge pipelines list|show|cancel}.
 */
@Command(name = "pipelines", mixinStandardHelpOptions = true, description = "List, show and cancel pipelines.",
		subcommands = { PipelinesCommand.ListCommand.class, PipelinesCommand.Show.class,
				PipelinesCommand.Cancel.class })
public class PipelinesCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"a subcommand is required (list, show, cancel)");
	}

	/** {@code pipelines list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List your pipelines, newest first.")
	static class ListCommand extends RemoteCommand {

		@Option(names = "--page", defaultValue = "0", description = "Page from 0.")
		int page;

		@Option(names = "--size", defaultValue = "20", description = "Page size, 1 to 100.")
		int size;

		@Override
		void run() {
			JsonNode page = client().get("/api/orchestration/pipelines?page=" + this.page + "&size=" + this.size);
			if (json()) {
				Printer.json(out(), page);
				return;
			}
			Table table = PipelineViews.pipelines();
			page.path("items").forEach((p) -> table.row(PipelineViews.pipelineCells(p)));
			table.print(out());
			out().println("page " + page.path("page").asInt() + " of " + Math.max(1, page.path("totalPages").asInt())
					+ ", " + page.path("totalItems").asLong() + " pipeline(s)");
			out().flush();
		}

	}

	/** {@code pipelines show ID}. */
	@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a pipeline and its jobs.")
	static class Show extends RemoteCommand {

		@Parameters(paramLabel = "ID", description = "The pipeline id.")
		UUID id;

		@Option(names = { "-w", "--watch" }, description = "Follow it until it ends (progress bar on stderr).")
		boolean watch;

		@Override
		void run() {
			JsonNode pipeline = this.watch ? RunCommand.watch(client(), this.id.toString(), err())
					: client().get("/api/orchestration/pipelines/" + this.id);
			PipelineViews.print(this, pipeline);
		}

	}

	/** {@code pipelines cancel ID}. */
	@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a queued or running pipeline.")
	static class Cancel extends RemoteCommand {

		@Parameters(paramLabel = "ID", description = "The pipeline id.")
		UUID id;

		@Override
		void run() {
			PipelineViews.print(this, client().post("/api/orchestration/pipelines/" + this.id + "/cancel", null));
		}

	}

}
