package io.physforge.cli.remote.internal;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the server's JSON for {@code --output json}.
 */
public final class Printer {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private Printer() {
	}

	/**
	 * Prints JSON, indented.
	 * @param out where to
	 * @param value the value
	 */
	public static void json(PrintWriter out, Object value) {
		try {
			out.println(JSON.writeValueAsString(value));
			out.flush();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A member as text, {@code null} when missing.
	 * @param node the object
	 * @param name the member
	 * @return its text
	 */
	public static String text(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return (value.isMissingNode() || value.isNull()) ? null
				: value.isValueNode() ? value.asText() : value.toString();
	}

}
