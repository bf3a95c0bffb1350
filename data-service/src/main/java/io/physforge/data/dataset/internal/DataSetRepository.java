package io.physforge.data.dataset.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.data.dataset.DataSet;
import io.physforge.data.dataset.DataSet.Coordinate;
import io.physforge.data.dataset.DataSet.ValueRange;
import io.physforge.data.dataset.DataSetFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code data.datasets}. Every read takes the caller's owner id, or {@code null}
 * for an ADMIN, so isolation is part of the query.
 */
@Repository
public class DataSetRepository {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<Coordinate>> COORDINATES = new TypeReference<>() {
	};

	private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, ValueRange>> RANGES = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	public DataSetRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Inserts a data set row.
	 * @param d the data set
	 */
	public void insert(DataSet d) {
		this.jdbc.sql("""
				INSERT INTO datasets (id, owner_id, name, description, source, format, original_filename, fields,
				    coordinates, shape, value_ranges, byte_size, sha256, original_key, canonical_format, canonical_key,
				    canonical_size, provenance, created_at)
				VALUES (:id, :owner, :name, :description, :source, :format, :filename, CAST(:fields AS jsonb),
				    CAST(:coordinates AS jsonb), CAST(:shape AS jsonb), CAST(:ranges AS jsonb), :byteSize, :sha256,
				    :originalKey, :canonicalFormat, :canonicalKey, :canonicalSize, CAST(:provenance AS jsonb),
				    :createdAt)
				""")
			.param("id", d.id())
			.param("owner", d.owner())
			.param("name", d.name())
			.param("description", d.description())
			.param("source", d.source())
			.param("format", d.format())
			.param("filename", d.originalFilename())
			.param("fields", write(d.fields()))
			.param("coordinates", write(d.coordinates()))
			.param("shape", write(d.shape()))
			.param("ranges", write(d.valueRanges()))
			.param("byteSize", d.byteSize())
			.param("sha256", d.sha256())
			.param("originalKey", d.originalKey())
			.param("canonicalFormat", d.canonicalFormat())
			.param("canonicalKey", d.canonicalKey())
			.param("canonicalSize", d.canonicalSize())
			.param("provenance", write(d.provenance()))
			.param("createdAt", java.sql.Timestamp.from(d.createdAt()))
			.update();
	}

	/**
	 * @param id data set id
	 * @param owner the caller's id, or {@code null} for an ADMIN
	 * @return the row when it exists and the caller may see it
	 */
	public Optional<DataSet> find(UUID id, String owner) {
		return this.jdbc
			.sql("SELECT * FROM datasets WHERE id = :id AND (CAST(:owner AS text) IS NULL OR owner_id = :owner)")
			.param("id", id)
			.param("owner", owner)
			.query(this::map)
			.optional();
	}

	/**
	 * One page of data sets matching a filter, newest first.
	 * @param filter the filter ({@code owner} already forced for non-admins)
	 * @param page page from 0
	 * @param size page size
	 * @return the rows of the page
	 */
	public List<DataSet> list(DataSetFilter filter, int page, int size) {
		Query q = where(filter);
		return q
			.bind(this.jdbc.sql("SELECT * FROM datasets" + q.sql
					+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
	}

	/**
	 * @param filter the filter
	 * @return the number of data sets matching it
	 */
	public long count(DataSetFilter filter) {
		Query q = where(filter);
		return q.bind(this.jdbc.sql("SELECT count(*) FROM datasets" + q.sql)).query(Long.class).single();
	}

	/**
	 * Bytes an owner keeps stored: originals plus canonical forms.
	 * @param owner owner id
	 * @return the total
	 */
	public long storedBytes(String owner) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN original_key IS NULL THEN 0 ELSE byte_size END + canonical_size), 0)
				FROM datasets WHERE owner_id = :owner
				""").param("owner", owner).query(Long.class).single();
	}

	/**
	 * Deletes a row.
	 * @param id data set id
	 * @return whether a row was deleted
	 */
	public boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM datasets WHERE id = :id").param("id", id).update() == 1;
	}

	private Query where(DataSetFilter filter) {
		List<String> clauses = new ArrayList<>();
		Query q = new Query();
		if (filter.owner() != null) {
			clauses.add("owner_id = :owner");
			q.params.put("owner", filter.owner());
		}
		if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
			clauses.add("name ILIKE :name ESCAPE '\\'");
			q.params.put("name", "%" + filter.nameContains().strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
		}
		if (filter.format() != null) {
			clauses.add("format = :format");
			q.params.put("format", filter.format().name());
		}
		if (filter.source() != null) {
			clauses.add("source = :source");
			q.params.put("source", filter.source());
		}
		q.sql = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
		return q;
	}

	private DataSet map(ResultSet rs, int row) throws SQLException {
		return new DataSet(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getString("owner_id"), rs.getString("source"), rs.getString("format"),
				rs.getString("original_filename"), read(rs.getString("fields"), STRINGS),
				read(rs.getString("coordinates"), COORDINATES), read(rs.getString("shape"), INTEGERS),
				read(rs.getString("value_ranges"), RANGES), rs.getLong("byte_size"), rs.getString("sha256"),
				rs.getString("canonical_format"), rs.getLong("canonical_size"),
				read(rs.getString("provenance"), OBJECT), rs.getTimestamp("created_at").toInstant(),
				rs.getString("original_key"), rs.getString("canonical_key"));
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot serialise " + value, ex);
		}
	}

	private <T> T read(String text, TypeReference<T> type) {
		try {
			return this.json.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Corrupt JSON column: " + text, ex);
		}
	}

	private static final class Query {

		private final Map<String, Object> params = new java.util.LinkedHashMap<>();

		private String sql;

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			this.params.forEach(spec::param);
			return spec;
		}

	}

}
