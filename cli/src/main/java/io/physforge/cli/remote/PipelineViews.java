package io.physforge.cli.remote;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.cli.remote.internal.Printer;
import io.physforge.cli.remote.internal.Table;

/**
 * Tables of pipelines and their jobs.
 */
final class PipelineViews {

	static final List<String> TERMINAL = List.of("completed", "failed", "cancelled");

	private PipelineViews() {
	}

	static Table pipelines() {
		return new Table("ID", "STATUS", "PROGRESS", "DATASET", "STEPS", "CREATED");
	}

	static Object[] pipelineCells(JsonNode p) {
		StringBuilder steps = new StringBuilder();
		for (JsonNode job : p.path("jobs")) {
			if (steps.length() > 0) {
				steps.append(',');
			}
			steps.append(job.path("stepId").asText());
		}
		return new Object[] { Printer.text(p, "id"), Printer.text(p, "status"), p.path("progress").asInt() + "%",
				Printer.text(p, "datasetId"), steps, Printer.text(p, "createdAt") };
	}

	static void print(RemoteCommand command, JsonNode pipeline) {
		if (command.json()) {
			Printer.json(command.out(), pipeline);
			return;
		}
		pipelines().row(pipelineCells(pipeline)).print(command.out());
		Table jobs = new Table("  STEP", "TYPE", "STATUS", "PROGRESS", "ATTEMPTS", "MESSAGE");
		for (JsonNode job : pipeline.path("jobs")) {
			String message = Printer.text(job, "error");
			if (message == null) {
				message = Printer.text(job, "progressMessage");
			}
			JsonNode summary = job.path("result").path("summary");
			if (summary.hasNonNull("equation")) {
				message = summary.path("equation").asText();
			}
			jobs.row("  " + job.path("stepId").asText(), Printer.text(job, "type"), Printer.text(job, "status"),
					job.path("progress").asInt() + "%", job.path("attempts").asInt(), message);
		}
		jobs.print(command.out());
		if (pipeline.hasNonNull("error")) {
			command.out().println("error: " + pipeline.path("error").asText());
			command.out().flush();
		}
	}

	static boolean terminal(JsonNode pipeline) {
		return TERMINAL.contains(pipeline.path("status").asText());
	}

	static boolean hasStep(JsonNode pipeline, String type) {
		for (JsonNode job : pipeline.path("jobs")) {
			if (type.equals(job.path("type").asText())) {
				return true;
			}
		}
		return false;
	}

}
