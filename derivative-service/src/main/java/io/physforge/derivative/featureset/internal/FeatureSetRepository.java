package io.physforge.derivative.featureset.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.derivative.feature.FeatureComputer.Features;
import io.physforge.derivative.featureset.FeatureSet;
import io.physforge.derivative.featureset.FeatureSetFiles.Stored;
import io.physforge.platform.jdbc.Columns;
import io.physforge.platform.jdbc.JobRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static io.physforge.platform.jdbc.Columns.instant;

/**
 * Feature-set metadata in schema {@code derivative}. A job's feature set is keyed by its
 * job id (unique): {@link #claim} makes or resumes it, {@link #complete} records the
 * stored object once; a REST request's row is inserted complete by
 * {@link #insertCompleted}.
 */
@Repository
public class FeatureSetRepository {

	private static final String COLUMNS = "id, owner_id, dataset_id, job_id, pipeline_id, step_id, method, options, "
			+ "model_id, model_location, fields, names, grid_shape, trim, object_key, size_bytes, sha256, status, "
			+ "created_at, completed_at, error";

	private final JdbcClient jdbc;

	private final JobRows jobs;

	private final Columns columns;

	public FeatureSetRepository(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json) {
		this.jdbc = jdbc;
		this.jobs = new JobRows(jdbc, transactions, "feature_set");
		this.columns = new Columns(json);
	}

	/**
	 * Records a feature set computed for a REST request, complete.
	 * @param request who asked for what
	 * @param features what was computed
	 * @param stored where it is
	 * @return its id
	 */
	public UUID insertCompleted(NewFeatureSet request, Features features, Stored stored) {
		UUID id = UUID.randomUUID();
		StatementSpec insert = this.jdbc
			.sql("INSERT INTO feature_set (id, owner_id, dataset_id, dataset_object_key, method, options, model_id, "
					+ "model_location, fields, names, grid_shape, trim, object_key, size_bytes, sha256, status, "
					+ "completed_at) VALUES (:id, :owner, :dataset, :datasetKey, :method, CAST(:options AS json), "
					+ ":modelId, :model, CAST(:fields AS json), CAST(:names AS json), CAST(:shape AS json), "
					+ "CAST(:trim AS json), :key, :size, :sha, 'completed', now())")
			.param("id", id);
		withResult(withRequest(insert, request), features, stored).update();
		return id;
	}

	/**
	 * Makes the feature set of a job, or takes over the one of an earlier delivery of the
	 * same job (status back to running) unless that one completed.
	 * @param job the job's identity
	 * @param request who asked for what
	 * @return the feature set id and whether it had completed already
	 */
	public Claim claim(JobKey job, NewFeatureSet request) {
		StatementSpec claim = this.jdbc
			.sql("INSERT INTO feature_set (id, owner_id, dataset_id, dataset_object_key, job_id, idempotency_key, "
					+ "pipeline_id, step_id, method, options, model_id, model_location, status) VALUES (:id, :owner, "
					+ ":dataset, :datasetKey, :job, :key, :pipeline, :step, :method, CAST(:options AS json), :modelId, "
					+ ":model, 'running') "
					+ this.jobs.reclaimUnless("job_id",
							"dataset_object_key = EXCLUDED.dataset_object_key, method = EXCLUDED.method, "
									+ "options = EXCLUDED.options, model_id = EXCLUDED.model_id, "
									+ "model_location = EXCLUDED.model_location",
							null, "completed"))
			.param("id", UUID.randomUUID())
			.param("job", job.jobId())
			.param("key", job.idempotencyKey())
			.param("pipeline", job.pipelineId())
			.param("step", job.stepId());
		Optional<UUID> claimed = this.jobs.claim(withRequest(claim, request));
		return claimed.map((id) -> new Claim(id, false))
			.orElseGet(() -> new Claim(this.jobs.id("job_id", job.jobId()), true));
	}

	/**
	 * Records the stored object of a job's feature set and marks it completed, once.
	 * @param id the feature set
	 * @param features what was computed
	 * @param stored where it is
	 * @return {@code true} if this call recorded it; {@code false} when another delivery
	 * completed it first (the caller deletes its own object)
	 */
	public boolean complete(UUID id, Features features, Stored stored) {
		StatementSpec update = this.jdbc
			.sql("UPDATE feature_set SET status = 'completed', fields = CAST(:fields AS json), "
					+ "names = CAST(:names AS json), grid_shape = CAST(:shape AS json), trim = CAST(:trim AS json), "
					+ "object_key = :key, size_bytes = :size, sha256 = :sha, completed_at = now(), error = NULL "
					+ "WHERE id = :id")
			.param("id", id);
		return this.jobs.completeOnce(id, () -> withResult(update, features, stored).update());
	}

	/**
	 * Ends a job's feature set that did not complete; a completed one is left alone.
	 * @param id the feature set
	 * @param status {@code failed} or {@code cancelled}
	 * @param error why
	 */
	public void finish(UUID id, String status, String error) {
		this.jobs.finish(id, status, error);
	}

	/**
	 * @param id a feature set id
	 * @return its metadata
	 */
	public Optional<FeatureSet> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM feature_set WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/**
	 * Feature sets newest first.
	 * @param ownerId the owner, {@code null} for everyone's
	 * @param offset rows to skip
	 * @param limit most rows
	 * @return the feature sets
	 */
	public List<FeatureSet> list(String ownerId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM feature_set WHERE (CAST(:owner AS text) IS NULL OR owner_id = :owner) "
					+ "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("owner", ownerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::row)
			.list();
	}

	/**
	 * @param ownerId the owner, {@code null} for everyone's
	 * @return how many feature sets there are
	 */
	public long count(String ownerId) {
		return this.jobs.count(ownerId);
	}

	/**
	 * Deletes a feature set's row.
	 * @param id the feature set
	 * @return whether a row was deleted
	 */
	public boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM feature_set WHERE id = :id").param("id", id).update() > 0;
	}

	/**
	 * The checkpoint of a PINN model as a pipeline of the owner handed it to this
	 * service: the model location of one of the owner's job-made feature sets.
	 * @param ownerId the owner, {@code null} for anyone's (ADMIN)
	 * @param modelId the model id, or {@code null} to match by location
	 * @param location the location, or {@code null} to match by id
	 * @return the location, if such a feature set exists
	 */
	public Optional<String> pipelineModel(String ownerId, String modelId, String location) {
		return this.jdbc
			.sql("SELECT model_location FROM feature_set WHERE job_id IS NOT NULL AND model_location IS NOT NULL "
					+ "AND (CAST(:owner AS text) IS NULL OR owner_id = :owner) "
					+ "AND (CAST(:modelId AS text) IS NULL OR model_id = :modelId) "
					+ "AND (CAST(:location AS text) IS NULL OR model_location = :location) "
					+ "ORDER BY created_at DESC LIMIT 1")
			.param("owner", ownerId)
			.param("modelId", modelId)
			.param("location", location)
			.query(String.class)
			.optional();
	}

	/** Binds what a feature set is made of and for whom. */
	private StatementSpec withRequest(StatementSpec statement, NewFeatureSet request) {
		return statement.param("owner", request.ownerId())
			.param("dataset", request.datasetId())
			.param("datasetKey", request.datasetObjectKey())
			.param("method", request.method())
			.param("options", write(request.options()))
			.param("modelId", request.modelId())
			.param("model", request.modelLocation());
	}

	/** Binds what was computed and where it is stored. */
	private StatementSpec withResult(StatementSpec statement, Features features, Stored stored) {
		return statement.param("fields", write(features.fields()))
			.param("names", write(features.names()))
			.param("shape", write(features.shape()))
			.param("trim", write(features.trim()))
			.param("key", stored.key())
			.param("size", stored.size())
			.param("sha", stored.sha256());
	}

	private FeatureSet row(ResultSet rs, int n) throws SQLException {
		String key = rs.getString("object_key");
		long size = rs.getLong("size_bytes");
		Long sizeBytes = rs.wasNull() ? null : size;
		return new FeatureSet(rs.getObject("id", UUID.class), rs.getString("owner_id"),
				rs.getObject("dataset_id", UUID.class), rs.getString("job_id"), rs.getObject("pipeline_id", UUID.class),
				rs.getString("step_id"), rs.getString("method"), read(rs.getString("options")),
				rs.getString("model_id"), rs.getString("model_location"), strings(rs.getString("fields")),
				strings(rs.getString("names")), read(rs.getString("grid_shape")), read(rs.getString("trim")),
				(key != null) ? "s3://" + FeatureSet.BUCKET + "/" + key : null, sizeBytes, rs.getString("sha256"),
				rs.getString("status"), instant(rs, "created_at"), instant(rs, "completed_at"), rs.getString("error"));
	}

	private List<String> strings(String text) {
		JsonNode node = read(text);
		if (node == null) {
			return null;
		}
		List<String> list = new ArrayList<>();
		node.forEach((e) -> list.add(e.asText()));
		return list;
	}

	private JsonNode read(String text) {
		return this.columns.read(text);
	}

	private String write(Object value) {
		return this.columns.write(value);
	}

	/**
	 * What a feature set is made of and for whom.
	 *
	 * @param ownerId the owner
	 * @param datasetId the data set, may be {@code null}
	 * @param datasetObjectKey its canonical form's key, may be {@code null}
	 * @param method the method
	 * @param options the request as validated (JSON-serialisable)
	 * @param modelId the PINN model id, may be {@code null}
	 * @param modelLocation the PINN checkpoint location, may be {@code null}
	 */
	public record NewFeatureSet(String ownerId, UUID datasetId, String datasetObjectKey, String method, Object options,
			String modelId, String modelLocation) {

	}

	/**
	 * The job a feature set is made for.
	 *
	 * @param jobId the job id (unique per feature set)
	 * @param idempotencyKey the message's idempotency key
	 * @param pipelineId the pipeline, may be {@code null}
	 * @param stepId the step, may be {@code null}
	 */
	public record JobKey(String jobId, String idempotencyKey, UUID pipelineId, String stepId) {

	}

	/**
	 * The outcome of {@link #claim}.
	 *
	 * @param id the feature set of the job
	 * @param alreadyCompleted whether an earlier delivery completed it
	 */
	public record Claim(UUID id, boolean alreadyCompleted) {

	}

}
