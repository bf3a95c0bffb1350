package io.physforge.cli.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.cli.remote.internal.ApiClient;
import io.physforge.cli.internal.ProgressBar;
import io.physforge.cli.remote.internal.RemoteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code physforge run DATASET --steps discovery [--param k=v ...] [--watch]}: submits a
 * pipeline and, with {@code --watch}, follows its server-sent events with a progress bar
 * on standard error until it ends, then prints it (and its equations).
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a pipeline on a data set on the server.")
public class RunCommand extends RemoteCommand {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Parameters(paramLabel = "DATASET", description = "The data set id.")
	UUID dataset;

	@Option(names = "--steps", split = ",", defaultValue = "discovery", paramLabel = "STEP",
			description = "Step types in order, comma-separated (default: ${DEFAULT-VALUE}).")
	List<String> steps = new ArrayList<>();

	@Option(names = "--param", paramLabel = "[STEP.]KEY=VALUE",
			description = "A step parameter (JSON values, else text): KEY=VALUE for every step, STEP.KEY=VALUE for one, "
					+ "e.g. --param derivative=poly --param discovery.maxOrder=3.")
	List<String> params = new ArrayList<>();

	@Option(names = { "-w", "--watch" }, description = "Follow the pipeline until it ends (progress bar on stderr).")
	boolean watch;

	@Override
	public Integer call() throws Exception {
		ApiClient client = client();
		List<Map<String, Object>> body = new ArrayList<>();
		for (String type : this.steps) {
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("type", type.strip());
			step.put("params", params(type.strip()));
			body.add(step);
		}
		JsonNode pipeline = client.post("/api/orchestration/pipelines",
				Map.of("datasetId", this.dataset.toString(), "steps", body));
		String id = pipeline.path("id").asText();
		if (!this.watch) {
			PipelineViews.print(this, pipeline);
			return 0;
		}
		if (!json()) {
			err().println("Pipeline " + id + " submitted; watching (Ctrl-C stops watching, not the pipeline)");
			err().flush();
		}
		JsonNode ended = watch(client, id, err());
		PipelineViews.print(this, ended);
		if (!json() && "completed".equals(ended.path("status").asText()) && PipelineViews.hasStep(ended, "discovery")) {
			EquationsCommand.printEquations(this, client.get("/api/discovery/runs/by-pipeline/" + id));
		}
		return "completed".equals(ended.path("status").asText()) ? 0 : 1;
	}

	@Override
	void run() {
		throw new UnsupportedOperationException();
	}

	/**
	 * Follows a pipeline's events until it ends.
	 * @param client the client
	 * @param id the pipeline id
	 * @param err where the progress bar goes
	 * @return the ended pipeline
	 */
	static JsonNode watch(ApiClient client, String id, java.io.PrintWriter err) {
		ProgressBar bar = new ProgressBar(err);
		Map<String, String> messages = new LinkedHashMap<>();
		int[] percent = { 0 };
		try {
			for (int connection = 0; connection < 1000; connection++) {
				client.events("/api/orchestration/pipelines/" + id + "/events", (event) -> {
					JsonNode data = event.json();
					if (event.name().equals("job")) {
						String message = data.path("progressMessage").asText("");
						messages.put(data.path("stepId").asText(),
								data.path("status").asText() + (message.isEmpty() ? "" : ": " + message));
					}
					else if (event.name().equals("snapshot") || event.name().equals("pipeline")) {
						percent[0] = data.path("progress").asInt(percent[0]);
						for (JsonNode job : data.path("jobs")) {
							String message = job.path("progressMessage").asText("");
							messages.put(job.path("stepId").asText(),
									job.path("status").asText() + (message.isEmpty() ? "" : ": " + message));
						}
					}
					bar.show(percent[0], describe(messages));
					return !(event.name().equals("pipeline") || event.name().equals("snapshot"))
							|| !PipelineViews.terminal(data);
				});
				JsonNode now = client.get("/api/orchestration/pipelines/" + id);
				if (PipelineViews.terminal(now)) {
					bar.show(now.path("progress").asInt(percent[0]), now.path("status").asText());
					return now;
				}
			}
		}
		finally {
			bar.done();
		}
		throw new RemoteException(0, "Pipeline " + id + " did not end while watched");
	}

	private static String describe(Map<String, String> messages) {
		StringBuilder text = new StringBuilder();
		messages.forEach((step, message) -> {
			if (text.length() > 0) {
				text.append("; ");
			}
			text.append(step).append(' ').append(message);
		});
		return text.toString();
	}

	private Map<String, Object> params(String type) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String param : this.params) {
			int eq = param.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("--param " + param + ": expected [STEP.]KEY=VALUE, e.g. maxOrder=3");
			}
			String key = param.substring(0, eq).strip();
			String value = param.substring(eq + 1).strip();
			int dot = key.indexOf('.');
			if (dot > 0) {
				String step = key.substring(0, dot);
				if (!this.steps.stream().map(String::strip).toList().contains(step)) {
					throw new IllegalArgumentException(
							"--param " + param + ": no step '" + step + "' in --steps " + String.join(",", this.steps));
				}
				if (!step.equals(type)) {
					continue;
				}
				key = key.substring(dot + 1);
			}
			values.put(key, value(value));
		}
		return values;
	}

	private static Object value(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (Exception ex) {
			return text;
		}
	}

}
