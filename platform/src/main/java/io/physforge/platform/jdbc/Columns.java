package io.physforge.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and writes the JSON columns of a service's rows (stored as text, cast to
 * {@code json} in SQL) and reads its timestamp columns.
 */
public final class Columns {

	private final ObjectMapper json;

	/**
	 * @param json the service's object mapper
	 */
	public Columns(ObjectMapper json) {
		this.json = json;
	}

	/**
	 * @param text a stored JSON column, may be {@code null}
	 * @return its tree, {@code null} for {@code null}
	 * @throws IllegalStateException when the text is not JSON
	 */
	public JsonNode read(String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored column is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * @param value a JSON-serialisable value
	 * @return its JSON text, to bind as a parameter cast to {@code json}
	 * @throws IllegalStateException when the value cannot be written
	 */
	public String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * @param rs a row
	 * @param column a {@code timestamptz} column
	 * @return its instant, {@code null} for SQL {@code NULL}
	 * @throws SQLException when the column cannot be read
	 */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
