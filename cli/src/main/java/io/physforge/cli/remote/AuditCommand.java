package io.physforge.cli.remote;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.cli.remote.internal.ApiClient;
import io.physforge.cli.remote.internal.Printer;
import io.physforge.cli.remote.internal.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code physforge audit events|me|verify|export|verify-file}: read, verify and export
 * the audit log (ADMIN or AUDITOR for all but {@code me}; {@code verify-file} works
 * offline).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
		description = "Read, verify and export the tamper-evident audit log.",
		subcommands = { AuditCommand.Events.class, AuditCommand.Me.class, AuditCommand.Verify.class,
				AuditCommand.Export.class, AuditVerifyFileCommand.class })
public class AuditCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"a subcommand is required (events, me, verify, export, verify-file)");
	}

	static void printEvents(RemoteCommand command, JsonNode page) {
		if (command.json()) {
			Printer.json(command.out(), page);
			return;
		}
		Table table = new Table("SEQ", "OCCURRED", "ACTOR", "ACTION", "RESOURCE", "OUTCOME", "CLIENT");
		for (JsonNode item : page.path("items")) {
			JsonNode event = item.has("event") ? item.path("event") : item;
			String resource = Printer.text(event, "resourceType")
					+ ((event.hasNonNull("resourceId")) ? ":" + event.path("resourceId").asText() : "");
			String outcome = Printer.text(event, "outcome")
					+ ((event.hasNonNull("reason")) ? " (" + event.path("reason").asText() + ")" : "");
			table.row(item.path("seq").asText("-"), Printer.text(event, "occurredAt"), Printer.text(event, "actor"),
					Printer.text(event, "action"), resource, outcome, orDash(Printer.text(event, "clientAddress")));
		}
		table.print(command.out());
		command.out()
			.println("page " + page.path("page").asInt() + " of " + Math.max(1, page.path("totalPages").asInt()) + ", "
					+ page.path("totalItems").asLong() + " event(s)");
	}

	private static String orDash(String text) {
		return (text != null) ? text : "-";
	}

	/** Paging options shared by the listing commands. */
	static class PageOptions {

		@Option(names = "--page", defaultValue = "0", description = "Page from 0.")
		int page;

		@Option(names = "--size", defaultValue = "50", description = "Page size, 1 to 100.")
		int size;

	}

	/** {@code audit events}. */
	@Command(name = "events", mixinStandardHelpOptions = true,
			description = "List audit events, newest first (ADMIN or AUDITOR).")
	static class Events extends RemoteCommand {

		@Option(names = "--actor", description = "Only this actor (user id, system, anonymous).")
		String actor;

		@Option(names = "--action", description = "Only this action, e.g. auth.login.")
		String action;

		@Option(names = "--resource-type", description = "Only this resource type, e.g. dataset.")
		String resourceType;

		@Option(names = "--resource-id", description = "Only this resource id.")
		String resourceId;

		@Option(names = "--from", description = "Occurred at or after (ISO-8601, e.g. 2026-12-01T00:00:00Z).")
		String from;

		@Option(names = "--to", description = "Occurred before (ISO-8601).")
		String to;

		@CommandLine.Mixin
		PageOptions paging = new PageOptions();

		@Override
		void run() {
			Map<String, Object> query = new LinkedHashMap<>();
			query.put("actor", this.actor);
			query.put("action", this.action);
			query.put("resourceType", this.resourceType);
			query.put("resourceId", this.resourceId);
			query.put("from", this.from);
			query.put("to", this.to);
			query.put("page", this.paging.page);
			query.put("size", this.paging.size);
			printEvents(this, client().get("/api/audit/events" + query(query)));
		}

	}

	/** {@code audit me}. */
	@Command(name = "me", mixinStandardHelpOptions = true, description = "List your own audit events.")
	static class Me extends RemoteCommand {

		@CommandLine.Mixin
		PageOptions paging = new PageOptions();

		@Override
		void run() {
			printEvents(this, client().get("/api/audit/me?page=" + this.paging.page + "&size=" + this.paging.size));
		}

	}

	/** {@code audit verify}. */
	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = "Have the server walk the whole hash chain and every signed checkpoint (ADMIN or AUDITOR); "
					+ "exit status 3 when the log was tampered with.")
	static class Verify extends RemoteCommand {

		@Override
		public Integer call() {
			JsonNode result = client().get("/api/audit/verify");
			if (json()) {
				Printer.json(out(), result);
			}
			else if (result.path("valid").asBoolean()) {
				out().println("valid: " + result.path("checked").asLong() + " event(s) checked");
			}
			else {
				out().println("INVALID at seq " + result.path("firstBadSeq").asText() + ": "
						+ result.path("reason").asText() + " (" + result.path("checked").asLong() + " checked)");
			}
			return result.path("valid").asBoolean() ? 0 : 3;
		}

		@Override
		void run() {
			call();
		}

	}

	/** {@code audit export}. */
	@Command(name = "export", mixinStandardHelpOptions = true,
			description = "Download events as JSON Lines with the signed checkpoint that covers them "
					+ "(ADMIN or AUDITOR); check the file offline with 'physforge audit verify-file'.")
	static class Export extends RemoteCommand {

		@Option(names = "--from", description = "First seq to export (default: 1).")
		Long from;

		@Option(names = "--to", description = "Last seq to export (default: the latest checkpoint's).")
		Long to;

		@Option(names = "--out", required = true, description = "The file to write.")
		Path out;

		@Override
		void run() {
			Map<String, Object> query = new LinkedHashMap<>();
			query.put("from", this.from);
			query.put("to", this.to);
			long bytes = client().download("/api/audit/export" + query(query), this.out);
			err().println("wrote " + bytes + " bytes to " + this.out);
		}

	}

	static String query(Map<String, Object> parameters) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		parameters.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				query.add(name + "=" + ApiClient.encode(value.toString()));
			}
		});
		return query.toString();
	}

}
