package io.physforge.cli.remote.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One server-sent event ({@code event:} name and {@code data:} lines; comments skipped).
 *
 * @param name the event name, {@code message} when none was given
 * @param data the data lines joined with newlines
 */
public record SseEvent(String name, String data) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * @return the data as JSON, missing when it is not JSON
	 */
	public JsonNode json() {
		try {
			return JSON.readTree(this.data);
		}
		catch (JsonProcessingException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * Reads events until the stream ends or the handler returns {@code false}.
	 * @param reader the stream
	 * @param handler called per event
	 * @throws IOException when reading fails
	 */
	static void read(BufferedReader reader, Predicate<SseEvent> handler) throws IOException {
		String name = null;
		StringBuilder data = null;
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isEmpty()) {
				if (data != null) {
					if (!handler.test(new SseEvent((name != null) ? name : "message", data.toString()))) {
						return;
					}
				}
				name = null;
				data = null;
				continue;
			}
			if (line.startsWith(":")) {
				continue;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			if (field.equals("event")) {
				name = value;
			}
			else if (field.equals("data")) {
				data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
			}
		}
	}

}
