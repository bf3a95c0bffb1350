package io.physforge.orchestration.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * JDBC access to {@code pipeline} and {@code job} in schema {@code orchestration}.
 */
@Repository
public class JobStore {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String PIPELINE_COLUMNS = "id, owner_id, dataset_id, status, error, created_at, started_at, finished_at, updated_at, canonical_key, canonical_format";

	private static final String JOB_COLUMNS = "id, pipeline_id, step_id, position, type, queue, params::text AS params, "
			+ "depends_on::text AS depends_on, status, progress, progress_message, attempts, max_attempts, timeout_seconds, "
			+ "result::text AS result, error, republished, created_at, enqueued_at, published_at, started_at, finished_at";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	public JobStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insertPipeline(UUID id, String ownerId, UUID datasetId, String canonicalKey, String canonicalFormat) {
		this.jdbc
			.sql("INSERT INTO pipeline (id, owner_id, dataset_id, status, canonical_key, canonical_format) "
					+ "VALUES (:id, :owner, :dataset, 'queued', :key, :format)")
			.param("id", id)
			.param("owner", ownerId)
			.param("dataset", datasetId)
			.param("key", canonicalKey)
			.param("format", canonicalFormat)
			.update();
	}

	public void insertJob(UUID id, UUID pipelineId, String stepId, int position, String type, String queue,
			String params, List<String> dependsOn, int maxAttempts, long timeoutSeconds) {
		this.jdbc
			.sql("INSERT INTO job (id, pipeline_id, step_id, position, type, queue, params, depends_on, status, max_attempts, timeout_seconds) "
					+ "VALUES (:id, :pipeline, :step, :position, :type, :queue, CAST(:params AS jsonb), CAST(:deps AS jsonb), 'queued', :max, :timeout)")
			.param("id", id)
			.param("pipeline", pipelineId)
			.param("step", stepId)
			.param("position", position)
			.param("type", type)
			.param("queue", queue)
			.param("params", params)
			.param("deps", write(dependsOn))
			.param("max", maxAttempts)
			.param("timeout", timeoutSeconds)
			.update();
	}

	public Optional<PipelineRow> pipeline(UUID id, boolean lock) {
		return this.jdbc
			.sql("SELECT " + PIPELINE_COLUMNS + " FROM pipeline WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
			.param("id", id)
			.query(this::pipelineRow)
			.optional();
	}

	public List<PipelineRow> pipelines(String ownerId, int offset, int limit) {
		return this.jdbc
			.sql("SELECT " + PIPELINE_COLUMNS
					+ " FROM pipeline WHERE (CAST(:owner AS text) IS NULL OR owner_id = :owner) "
					+ "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("owner", ownerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::pipelineRow)
			.list();
	}

	public long countPipelines(String ownerId) {
		return this.jdbc.sql("SELECT count(*) FROM pipeline WHERE (CAST(:owner AS text) IS NULL OR owner_id = :owner)")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

	public List<JobRow> jobs(UUID pipelineId) {
		return this.jdbc.sql("SELECT " + JOB_COLUMNS + " FROM job WHERE pipeline_id = :id ORDER BY position")
			.param("id", pipelineId)
			.query(this::jobRow)
			.list();
	}

	public Optional<JobRow> lockJob(UUID id) {
		return this.jdbc.sql("SELECT " + JOB_COLUMNS + " FROM job WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::jobRow)
			.optional();
	}

	public List<UUID> timedOut(Instant now) {
		return this.jdbc
			.sql("SELECT id FROM job WHERE status = 'running' AND started_at IS NOT NULL "
					+ "AND started_at + make_interval(secs => timeout_seconds) < :now ORDER BY started_at LIMIT 100")
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.list();
	}

	public Optional<JobRow> job(UUID id) {
		return this.jdbc.sql("SELECT " + JOB_COLUMNS + " FROM job WHERE id = :id")
			.param("id", id)
			.query(this::jobRow)
			.optional();
	}

	/**
	 * Queued jobs published before a time (candidates for re-publishing).
	 * @param before the time
	 * @return the jobs
	 */
	public List<JobRow> publishedQueuedBefore(Instant before) {
		return this.jdbc
			.sql("SELECT " + JOB_COLUMNS
					+ " FROM job WHERE status = 'queued' AND published_at IS NOT NULL AND published_at < :before "
					+ "ORDER BY published_at LIMIT 1000")
			.param("before", Timestamp.from(before))
			.query(this::jobRow)
			.list();
	}

	public void update(String sql, Object... params) {
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql);
		for (Object param : params) {
			spec = spec.param(param);
		}
		spec.update();
	}

	public List<String> readList(String text) {
		try {
			return this.json.readValue(text, STRINGS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private PipelineRow pipelineRow(ResultSet rs, int row) throws SQLException {
		return new PipelineRow(rs.getObject("id", UUID.class), rs.getString("owner_id"),
				rs.getObject("dataset_id", UUID.class), JobStatus.of(rs.getString("status")), rs.getString("error"),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
				instant(rs, "updated_at"), rs.getString("canonical_key"), rs.getString("canonical_format"));
	}

	private JobRow jobRow(ResultSet rs, int row) throws SQLException {
		return new JobRow(rs.getObject("id", UUID.class), rs.getObject("pipeline_id", UUID.class),
				rs.getString("step_id"), rs.getInt("position"), rs.getString("type"), rs.getString("queue"),
				rs.getString("params"), readList(rs.getString("depends_on")), JobStatus.of(rs.getString("status")),
				rs.getInt("progress"), rs.getString("progress_message"), rs.getInt("attempts"),
				rs.getInt("max_attempts"), rs.getLong("timeout_seconds"), rs.getString("result"), rs.getString("error"),
				rs.getInt("republished"), instant(rs, "created_at"), instant(rs, "enqueued_at"),
				instant(rs, "published_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
