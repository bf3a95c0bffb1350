package io.physforge.cli.remote;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.cli.remote.internal.ApiClient;
import io.physforge.cli.remote.internal.Printer;
import io.physforge.cli.remote.internal.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code physforge datasets upload|list|show|delete}.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
		description = "Upload, list, show and delete data sets on the server.",
		subcommands = { DatasetsCommand.Upload.class, DatasetsCommand.ListCommand.class, DatasetsCommand.Show.class,
				DatasetsCommand.Delete.class })
public class DatasetsCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"a subcommand is required (upload, list, show, delete)");
	}

	static void print(RemoteCommand command, JsonNode dataSet) {
		if (command.json()) {
			Printer.json(command.out(), dataSet);
			return;
		}
		table().row(cells(dataSet)).print(command.out());
	}

	static Table table() {
		return new Table("ID", "NAME", "FORMAT", "SHAPE", "FIELDS", "AXES", "BYTES", "CREATED");
	}

	static Object[] cells(JsonNode d) {
		StringBuilder axes = new StringBuilder();
		for (JsonNode axis : d.path("coordinates")) {
			if (axes.length() > 0) {
				axes.append(',');
			}
			axes.append(axis.path("name").asText());
		}
		return new Object[] { Printer.text(d, "id"), Printer.text(d, "name"), Printer.text(d, "format"),
				d.path("shape").toString(), d.path("fields").toString(), axes, Printer.text(d, "byteSize"),
				Printer.text(d, "createdAt") };
	}

	/** {@code datasets upload FILE}. */
	@Command(name = "upload", mixinStandardHelpOptions = true,
			description = "Upload a data file (HDF5, NetCDF, NPZ, MAT, CSV) as a new data set.")
	static class Upload extends RemoteCommand {

		@Parameters(paramLabel = "FILE", description = "The data file.")
		Path file;

		@Option(names = "--name", description = "Its name (default: the file name without extension).")
		String name;

		@Option(names = "--description", description = "Free text.")
		String description;

		@Override
		void run() {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("name", this.name);
			fields.put("description", this.description);
			JsonNode dataSet = client().upload("/api/data/datasets", "file", this.file, fields);
			print(this, dataSet);
		}

	}

	/** {@code datasets list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List your data sets, newest first.")
	static class ListCommand extends RemoteCommand {

		@Option(names = "--page", defaultValue = "0", description = "Page from 0.")
		int page;

		@Option(names = "--size", defaultValue = "20", description = "Page size, 1 to 100.")
		int size;

		@Option(names = "--name", description = "Only names containing this.")
		String name;

		@Override
		void run() {
			String query = "?page=" + this.page + "&size=" + this.size
					+ ((this.name != null) ? "&name=" + ApiClient.encode(this.name) : "");
			JsonNode page = client().get("/api/data/datasets" + query);
			if (json()) {
				Printer.json(out(), page);
				return;
			}
			Table table = table();
			page.path("items").forEach((d) -> table.row(cells(d)));
			table.print(out());
			out().println("page " + page.path("page").asInt() + " of " + Math.max(1, page.path("totalPages").asInt())
					+ ", " + page.path("totalItems").asLong() + " data set(s)");
			out().flush();
		}

	}

	/** {@code datasets show ID}. */
	@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a data set.")
	static class Show extends RemoteCommand {

		@Parameters(paramLabel = "ID", description = "The data set id.")
		java.util.UUID id;

		@Override
		void run() {
			print(this, client().get("/api/data/datasets/" + this.id));
		}

	}

	/** {@code datasets delete ID}. */
	@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a data set and its stored files.")
	static class Delete extends RemoteCommand {

		@Parameters(paramLabel = "ID", description = "The data set id.")
		java.util.UUID id;

		@Override
		void run() {
			client().delete("/api/data/datasets/" + this.id);
			if (json()) {
				Printer.json(out(), Map.of("id", this.id.toString(), "deleted", true));
			}
			else {
				out().println("Deleted data set " + this.id);
				out().flush();
			}
		}

	}

}
