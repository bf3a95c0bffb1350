package io.physforge.pinntraining.job.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.pinntraining.job.JobStatus;
import io.physforge.pinntraining.job.TrainingJob;
import io.physforge.pinntraining.model.ModelCheckpoint;
import io.physforge.platform.jdbc.Columns;
import io.physforge.platform.jdbc.JobRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static io.physforge.platform.jdbc.Columns.instant;

/**
 * Training jobs and model checkpoints in schema {@code pinn}. A job is keyed by its job
 * id: {@link #submit} stores a queued job, {@link #claim} makes or resumes a job for a
 * worker, {@link #complete} stores the checkpoint row and the final losses in one
 * transaction, once.
 */
@Repository
public class JobRepository {

	private static final String JOB_COLUMNS = "j.id, j.pipeline_id, j.step_id, j.source, j.dataset_id, j.owner_id, "
			+ "j.status, j.progress, j.attempts, j.config, j.last_progress, j.final_loss, j.data_loss, j.pde_loss, "
			+ "j.bc_loss, j.ic_loss, j.regularisation_loss, j.epochs_run, j.duration_ms, j.model_id, j.model_path, "
			+ "j.logs_path, j.provenance, j.created_at, j.started_at, j.completed_at, j.cancel_requested_at, j.error";

	private static final String MODEL_COLUMNS = "m.id, m.job_id, m.owner_id, m.bucket, m.object_key, m.size_bytes, "
			+ "m.architecture, m.metrics, m.created_at";

	private final JdbcClient jdbc;

	private final JobRows jobs;

	private final Columns columns;

	public JobRepository(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json) {
		this.jdbc = jdbc;
		this.jobs = new JobRows(jdbc, transactions, "pinn_training_job");
		this.columns = new Columns(json);
	}

	/**
	 * Stores a job submitted through the API, status {@code queued}.
	 * @param job the job's data
	 */
	public void submit(NewJob job) {
		this.jdbc
			.sql("INSERT INTO pinn_training_job (id, idempotency_key, source, owner_id, dataset_id, "
					+ "dataset_object_key, status, attempts, config) VALUES (:id, :key, 'api', :owner, :dataset, "
					+ ":object, 'queued', 0, CAST(:config AS json))")
			.param("id", job.id())
			.param("key", job.idempotencyKey())
			.param("owner", job.ownerId())
			.param("dataset", job.datasetId())
			.param("object", job.datasetObjectKey())
			.param("config", write(job.config()))
			.update();
	}

	/**
	 * Makes the job of a delivery, or takes over the job of a submission or an earlier
	 * delivery (status back to running, error cleared) unless it completed or was
	 * cancelled.
	 * @param job the delivery's data
	 * @return the outcome
	 */
	public Claim claim(NewJob job) {
		Optional<UUID> claimed = this.jobs
			.claim(this.jdbc
				.sql("INSERT INTO pinn_training_job (id, idempotency_key, pipeline_id, step_id, source, owner_id, "
						+ "dataset_id, dataset_object_key, status, attempts, config, started_at) VALUES (:id, :key, "
						+ ":pipeline, :step, :source, :owner, :dataset, :object, 'running', 1, CAST(:config AS json), "
						+ "now()) "
						+ this.jobs.reclaimUnless("id", "dataset_object_key = COALESCE(EXCLUDED.dataset_object_key, "
								+ "pinn_training_job.dataset_object_key), config = EXCLUDED.config, progress = 0, "
								+ "last_progress = NULL, started_at = now()",
								"pinn_training_job.owner_id = EXCLUDED.owner_id", JobStatus.COMPLETED.id(),
								JobStatus.CANCELLED.id()))
				.param("id", job.id())
				.param("key", job.idempotencyKey())
				.param("pipeline", job.pipelineId())
				.param("step", job.stepId())
				.param("source", (job.pipelineId() != null) ? "pipeline" : "api")
				.param("owner", job.ownerId())
				.param("dataset", job.datasetId())
				.param("object", job.datasetObjectKey())
				.param("config", write(job.config())));
		if (claimed.isPresent()) {
			return Claim.CLAIMED;
		}
		Map<String, Object> row = this.jdbc.sql("SELECT status, owner_id FROM pinn_training_job WHERE id = :id")
			.param("id", job.id())
			.query()
			.singleRow();
		if (!job.ownerId().equals(row.get("owner_id"))) {
			return Claim.OTHER_OWNER;
		}
		return (JobStatus.of((String) row.get("status")) == JobStatus.COMPLETED) ? Claim.COMPLETED : Claim.CANCELLED;
	}

	/**
	 * Records the latest point of a running job's loss curve.
	 * @param id the job
	 * @param fraction done so far, 0 to 1
	 * @param point the point ({@code TrainingProgress.asMap()})
	 */
	public void progress(UUID id, double fraction, Object point) {
		this.jdbc
			.sql("UPDATE pinn_training_job SET progress = :fraction, last_progress = CAST(:point AS json) "
					+ "WHERE id = :id AND status = 'running'")
			.param("fraction", fraction)
			.param("point", write(point))
			.param("id", id)
			.update();
	}

	/**
	 * Stores the checkpoint row and the final state of a job, in one transaction; does
	 * nothing when another delivery of the job completed it first.
	 * @param done the outcome
	 * @return {@code true} if this call stored it
	 */
	public boolean complete(Completion done) {
		return this.jobs.completeOnce(done.jobId(), () -> {
			this.jdbc
				.sql("INSERT INTO model_checkpoint (id, job_id, owner_id, bucket, object_key, size_bytes, "
						+ "architecture, metrics) VALUES (:id, :job, :owner, :bucket, :key, :size, "
						+ "CAST(:architecture AS json), CAST(:metrics AS json))")
				.param("id", done.modelId())
				.param("job", done.jobId())
				.param("owner", done.ownerId())
				.param("bucket", ModelCheckpoint.BUCKET)
				.param("key", done.modelKey())
				.param("size", done.modelSize())
				.param("architecture", write(done.architecture()))
				.param("metrics", write(done.metrics()))
				.update();
			Map<String, Double> losses = done.losses();
			this.jdbc
				.sql("UPDATE pinn_training_job SET status = 'completed', progress = 1, final_loss = :total, "
						+ "data_loss = :data, pde_loss = :pde, bc_loss = :boundary, ic_loss = :initial, "
						+ "regularisation_loss = :regularisation, epochs_run = :epochs, duration_ms = :duration, "
						+ "model_id = :model, model_path = :modelPath, logs_path = :logsPath, "
						+ "last_progress = COALESCE(CAST(:last AS json), last_progress), "
						+ "provenance = CAST(:provenance AS json), completed_at = now(), error = NULL WHERE id = :id")
				.param("total", losses.get("total"))
				.param("data", losses.get("data"))
				.param("pde", losses.get("pde"))
				.param("boundary", losses.get("boundary"))
				.param("initial", losses.get("initial"))
				.param("regularisation", losses.get("regularisation"))
				.param("epochs", done.epochs())
				.param("duration", done.durationMillis())
				.param("model", done.modelId())
				.param("modelPath", ModelCheckpoint.BUCKET + "/" + done.modelKey())
				.param("logsPath", ModelCheckpoint.BUCKET + "/" + done.logsKey())
				.param("last", (done.lastProgress() != null) ? write(done.lastProgress()) : null)
				.param("provenance", write(done.provenance()))
				.param("id", done.jobId())
				.update();
		});
	}

	/**
	 * Ends a job that did not complete; a completed job is left alone.
	 * @param id the job
	 * @param status {@link JobStatus#FAILED} or {@link JobStatus#CANCELLED}
	 * @param error why
	 */
	public void finish(UUID id, JobStatus status, String error) {
		this.jobs.finish(id, status.id(), error);
	}

	/**
	 * Records a cancel request; a queued job becomes cancelled at once (a running one
	 * when its worker stops).
	 * @param id the job
	 * @return the status after
	 */
	public JobStatus requestCancel(UUID id) {
		this.jdbc
			.sql("UPDATE pinn_training_job SET cancel_requested_at = COALESCE(cancel_requested_at, now()), "
					+ "status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END, "
					+ "completed_at = CASE WHEN status = 'queued' THEN now() ELSE completed_at END, "
					+ "error = CASE WHEN status = 'queued' THEN 'cancelled before it started' ELSE error END "
					+ "WHERE id = :id AND status IN ('queued', 'running')")
			.param("id", id)
			.update();
		return JobStatus.of(this.jdbc.sql("SELECT status FROM pinn_training_job WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single());
	}

	/**
	 * @param id a job id
	 * @return the job
	 */
	public Optional<TrainingJob> find(UUID id) {
		return this.jdbc.sql("SELECT " + JOB_COLUMNS + " FROM pinn_training_job j WHERE j.id = :id")
			.param("id", id)
			.query(this::jobRow)
			.optional();
	}

	/**
	 * Jobs newest first.
	 * @param ownerId the owner, {@code null} for everyone's
	 * @param offset rows to skip
	 * @param limit most rows
	 * @return the jobs
	 */
	public List<TrainingJob> list(String ownerId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + JOB_COLUMNS + " FROM pinn_training_job j "
					+ "WHERE (CAST(:owner AS text) IS NULL OR j.owner_id = :owner) "
					+ "ORDER BY j.created_at DESC, j.id LIMIT :limit OFFSET :offset")
			.param("owner", ownerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::jobRow)
			.list();
	}

	/**
	 * @param ownerId the owner, {@code null} for everyone's
	 * @return how many jobs there are
	 */
	public long count(String ownerId) {
		return this.jobs.count(ownerId);
	}

	/**
	 * @param id a model id
	 * @return the checkpoint
	 */
	public Optional<ModelCheckpoint> model(UUID id) {
		return this.jdbc.sql("SELECT " + MODEL_COLUMNS + " FROM model_checkpoint m WHERE m.id = :id")
			.param("id", id)
			.query(this::modelRow)
			.optional();
	}

	/**
	 * @param jobId a job id
	 * @return the checkpoint the job made
	 */
	public Optional<ModelCheckpoint> modelOfJob(UUID jobId) {
		return this.jdbc.sql("SELECT " + MODEL_COLUMNS + " FROM model_checkpoint m WHERE m.job_id = :job")
			.param("job", jobId)
			.query(this::modelRow)
			.optional();
	}

	/**
	 * Checkpoints newest first.
	 * @param ownerId the owner, {@code null} for everyone's
	 * @param offset rows to skip
	 * @param limit most rows
	 * @return the checkpoints
	 */
	public List<ModelCheckpoint> models(String ownerId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + MODEL_COLUMNS + " FROM model_checkpoint m "
					+ "WHERE (CAST(:owner AS text) IS NULL OR m.owner_id = :owner) "
					+ "ORDER BY m.created_at DESC, m.id LIMIT :limit OFFSET :offset")
			.param("owner", ownerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::modelRow)
			.list();
	}

	/**
	 * @param ownerId the owner, {@code null} for everyone's
	 * @return how many checkpoints there are
	 */
	public long countModels(String ownerId) {
		return this.jdbc
			.sql("SELECT count(*) FROM model_checkpoint WHERE (CAST(:owner AS text) IS NULL OR owner_id = :owner)")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

	private TrainingJob jobRow(ResultSet rs, int row) throws SQLException {
		boolean done = rs.getObject("final_loss") != null;
		TrainingJob.Losses losses = done ? new TrainingJob.Losses(real(rs, "final_loss"), real(rs, "data_loss"),
				real(rs, "pde_loss"), real(rs, "bc_loss"), real(rs, "ic_loss"), real(rs, "regularisation_loss")) : null;
		String modelPath = rs.getString("model_path");
		String logsPath = rs.getString("logs_path");
		return new TrainingJob(rs.getObject("id", UUID.class), rs.getObject("pipeline_id", UUID.class),
				rs.getString("step_id"), rs.getString("source"), rs.getObject("dataset_id", UUID.class),
				rs.getString("owner_id"), JobStatus.of(rs.getString("status")), rs.getDouble("progress"),
				rs.getInt("attempts"), read(rs.getString("config")), read(rs.getString("last_progress")), losses,
				(Integer) rs.getObject("epochs_run"),
				(rs.getObject("duration_ms") != null) ? rs.getLong("duration_ms") : null,
				rs.getObject("model_id", UUID.class), (modelPath != null) ? "s3://" + modelPath : null,
				(logsPath != null) ? "s3://" + logsPath : null, read(rs.getString("provenance")),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
				instant(rs, "cancel_requested_at"), rs.getString("error"));
	}

	private ModelCheckpoint modelRow(ResultSet rs, int row) throws SQLException {
		String bucket = rs.getString("bucket");
		String key = rs.getString("object_key");
		return new ModelCheckpoint(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
				rs.getString("owner_id"), "s3://" + bucket + "/" + key, rs.getLong("size_bytes"),
				read(rs.getString("architecture")), read(rs.getString("metrics")), instant(rs, "created_at"), bucket,
				key);
	}

	private static Double real(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private JsonNode read(String text) {
		return this.columns.read(text);
	}

	private String write(Object value) {
		return this.columns.write(value);
	}

	/**
	 * The data of a job as submitted or delivered.
	 *
	 * @param id the job id
	 * @param idempotencyKey the message's idempotency key
	 * @param pipelineId the pipeline, may be {@code null}
	 * @param stepId the step, may be {@code null}
	 * @param datasetId the data set, may be {@code null}
	 * @param datasetObjectKey the canonical form's key, may be {@code null}
	 * @param ownerId the owner
	 * @param config the configuration to record (JSON-serialisable)
	 */
	public record NewJob(UUID id, String idempotencyKey, UUID pipelineId, String stepId, UUID datasetId,
			String datasetObjectKey, String ownerId, Object config) {

	}

	/**
	 * What a worker's {@link #claim} found.
	 */
	public enum Claim {

		/** The caller runs the job. */
		CLAIMED,

		/** An earlier delivery completed it: publish its result again. */
		COMPLETED,

		/** It was cancelled: do not run it. */
		CANCELLED,

		/** The job id belongs to another user's job: refuse the delivery. */
		OTHER_OWNER

	}

	/**
	 * A completed training run, stored by {@link #complete}.
	 *
	 * @param jobId the job
	 * @param ownerId its owner
	 * @param modelId the new checkpoint's id
	 * @param modelKey the checkpoint's key in bucket {@code models}
	 * @param modelSize its size in bytes
	 * @param logsKey the loss history's key in bucket {@code models}
	 * @param architecture the network's architecture
	 * @param metrics coefficients, losses, equation, epochs, duration
	 * @param losses the final losses by name
	 * @param epochs steps run
	 * @param durationMillis training time
	 * @param lastProgress the last point of the loss curve, may be {@code null}
	 * @param provenance the run's provenance
	 */
	public record Completion(UUID jobId, String ownerId, UUID modelId, String modelKey, long modelSize, String logsKey,
			Object architecture, Object metrics, Map<String, Double> losses, int epochs, long durationMillis,
			Object lastProgress, Object provenance) {

	}

}
