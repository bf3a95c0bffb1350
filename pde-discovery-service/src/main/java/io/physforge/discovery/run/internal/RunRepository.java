package io.physforge.discovery.run.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.TermCoefficient;
import io.physforge.discovery.run.DiscoveryRun;
import io.physforge.discovery.run.RunStatus;
import io.physforge.platform.jdbc.Columns;
import io.physforge.platform.jdbc.JobRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static io.physforge.platform.jdbc.Columns.instant;

/**
 * Runs and equations in schema {@code discovery}. A run is keyed by its job id (unique):
 * {@link #claim} makes or resumes it, {@link #complete} stores the equations and marks it
 * completed in one transaction, once.
 */
@Repository
public class RunRepository {

	private static final String RUN_COLUMNS = "id, job_id, pipeline_id, step_id, dataset_id, owner_id, status, "
			+ "attempts, settings, metrics, provenance, created_at, started_at, completed_at, error";

	private static final TypeReference<List<TermCoefficient>> TERMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JobRows jobs;

	private final Columns columns;

	private final ObjectMapper json;

	public RunRepository(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json) {
		this.jdbc = jdbc;
		this.jobs = new JobRows(jdbc, transactions, "discovery_run");
		this.columns = new Columns(json);
		this.json = json;
	}

	/**
	 * Makes the run of a job, or takes over the run of an earlier delivery of the same
	 * job (status back to running, error cleared) unless that run completed.
	 * @param run the job's data
	 * @return the run id and whether it had completed already
	 */
	public Claim claim(NewRun run) {
		Optional<UUID> claimed = this.jobs.claim(this.jdbc
			.sql("INSERT INTO discovery_run (id, job_id, idempotency_key, pipeline_id, step_id, dataset_id, "
					+ "dataset_object_key, owner_id, status, settings) VALUES (:id, :job, :key, :pipeline, :step, "
					+ ":dataset, :object, :owner, 'running', CAST(:settings AS json)) "
					+ this.jobs.reclaimUnless("job_id",
							"dataset_object_key = EXCLUDED.dataset_object_key, settings = EXCLUDED.settings, "
									+ "started_at = now()",
							null, RunStatus.COMPLETED.id()))
			.param("id", UUID.randomUUID())
			.param("job", run.jobId())
			.param("key", run.idempotencyKey())
			.param("pipeline", run.pipelineId())
			.param("step", run.stepId())
			.param("dataset", run.datasetId())
			.param("object", run.datasetObjectKey())
			.param("owner", run.ownerId())
			.param("settings", write(run.settings())));
		return claimed.map((id) -> new Claim(id, false))
			.orElseGet(() -> new Claim(this.jobs.id("job_id", run.jobId()), true));
	}

	/**
	 * Stores the result of a run and marks it completed, in one transaction; does nothing
	 * when another delivery of the job completed it first.
	 * @param runId the run
	 * @param result the result
	 * @return {@code true} if this call stored it
	 */
	public boolean complete(UUID runId, DiscoveryResult result) {
		return this.jobs.completeOnce(runId, () -> {
			this.jdbc.sql("DELETE FROM discovered_equation WHERE run_id = :id").param("id", runId).update();
			int ordinal = 0;
			for (DiscoveredEquation equation : result.equations()) {
				this.jdbc
					.sql("INSERT INTO discovered_equation (id, run_id, ordinal, lhs, terms, latex) "
							+ "VALUES (:id, :run, :ordinal, :lhs, CAST(:terms AS jsonb), :latex)")
					.param("id", UUID.randomUUID())
					.param("run", runId)
					.param("ordinal", ordinal++)
					.param("lhs", equation.lhs())
					.param("terms", write(equation.terms()))
					.param("latex", equation.latex())
					.update();
			}
			this.jdbc
				.sql("UPDATE discovery_run SET status = 'completed', metrics = CAST(:metrics AS json), "
						+ "provenance = CAST(:provenance AS json), completed_at = now(), error = NULL WHERE id = :id")
				.param("metrics", write(result.metrics()))
				.param("provenance", write(result.provenance()))
				.param("id", runId)
				.update();
		});
	}

	/**
	 * Ends a run that did not complete; a completed run is left alone.
	 * @param runId the run
	 * @param status {@link RunStatus#FAILED} or {@link RunStatus#CANCELLED}
	 * @param error why
	 */
	public void finish(UUID runId, RunStatus status, String error) {
		this.jobs.finish(runId, status.id(), error);
	}

	/**
	 * @param id a run id
	 * @return the run with its equations
	 */
	public Optional<DiscoveryRun> find(UUID id) {
		return this.jdbc.sql("SELECT " + RUN_COLUMNS + " FROM discovery_run WHERE id = :id")
			.param("id", id)
			.query(this::run)
			.optional()
			.map(this::withEquations);
	}

	/**
	 * @param jobId a job id
	 * @return the run of that job with its equations
	 */
	public Optional<DiscoveryRun> findByJob(String jobId) {
		return this.jdbc.sql("SELECT " + RUN_COLUMNS + " FROM discovery_run WHERE job_id = :job")
			.param("job", jobId)
			.query(this::run)
			.optional()
			.map(this::withEquations);
	}

	/**
	 * Runs newest first.
	 * @param ownerId the owner, {@code null} for everyone's
	 * @param offset rows to skip
	 * @param limit most rows
	 * @return the runs with their equations
	 */
	public List<DiscoveryRun> list(String ownerId, long offset, int limit) {
		List<DiscoveryRun> runs = this.jdbc
			.sql("SELECT " + RUN_COLUMNS
					+ " FROM discovery_run WHERE (CAST(:owner AS text) IS NULL OR owner_id = :owner) "
					+ "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("owner", ownerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::run)
			.list();
		return withEquations(runs);
	}

	/**
	 * @param ownerId the owner, {@code null} for everyone's
	 * @return how many runs there are
	 */
	public long count(String ownerId) {
		return this.jobs.count(ownerId);
	}

	/**
	 * The runs of a pipeline, oldest first.
	 * @param pipelineId the pipeline
	 * @param ownerId the owner, {@code null} for everyone's
	 * @return the runs with their equations
	 */
	public List<DiscoveryRun> byPipeline(UUID pipelineId, String ownerId) {
		List<DiscoveryRun> runs = this.jdbc
			.sql("SELECT " + RUN_COLUMNS + " FROM discovery_run WHERE pipeline_id = :pipeline "
					+ "AND (CAST(:owner AS text) IS NULL OR owner_id = :owner) ORDER BY created_at, id")
			.param("pipeline", pipelineId)
			.param("owner", ownerId)
			.query(this::run)
			.list();
		return withEquations(runs);
	}

	/**
	 * Equations newest run first, in equation order.
	 * @param ownerId the owner, {@code null} for everyone's
	 * @param offset rows to skip
	 * @param limit most rows
	 * @return the equations
	 */
	public List<EquationRow> equations(String ownerId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT e.id, e.run_id, e.ordinal, e.lhs, e.terms, e.latex, r.pipeline_id, r.dataset_id, r.owner_id, "
					+ "r.completed_at FROM discovered_equation e JOIN discovery_run r ON r.id = e.run_id "
					+ "WHERE (CAST(:owner AS text) IS NULL OR r.owner_id = :owner) "
					+ "ORDER BY r.created_at DESC, r.id, e.ordinal LIMIT :limit OFFSET :offset")
			.param("owner", ownerId)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::equationRow)
			.list();
	}

	/**
	 * @param ownerId the owner, {@code null} for everyone's
	 * @return how many equations there are
	 */
	public long countEquations(String ownerId) {
		return this.jdbc
			.sql("SELECT count(*) FROM discovered_equation e JOIN discovery_run r ON r.id = e.run_id "
					+ "WHERE (CAST(:owner AS text) IS NULL OR r.owner_id = :owner)")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

	/**
	 * @param id an equation id
	 * @return the equation
	 */
	public Optional<EquationRow> equation(UUID id) {
		return this.jdbc
			.sql("SELECT e.id, e.run_id, e.ordinal, e.lhs, e.terms, e.latex, r.pipeline_id, r.dataset_id, r.owner_id, "
					+ "r.completed_at FROM discovered_equation e JOIN discovery_run r ON r.id = e.run_id WHERE e.id = :id")
			.param("id", id)
			.query(this::equationRow)
			.optional();
	}

	private DiscoveryRun withEquations(DiscoveryRun run) {
		return withEquations(List.of(run)).get(0);
	}

	private List<DiscoveryRun> withEquations(List<DiscoveryRun> runs) {
		if (runs.isEmpty()) {
			return runs;
		}
		Map<UUID, List<DiscoveredEquation>> byRun = new LinkedHashMap<>();
		Collection<UUID> ids = runs.stream().map(DiscoveryRun::id).toList();
		this.jdbc
			.sql("SELECT run_id, lhs, terms, latex FROM discovered_equation WHERE run_id IN (:ids) "
					+ "ORDER BY run_id, ordinal")
			.param("ids", ids)
			.query((rs, n) -> {
				byRun.computeIfAbsent(rs.getObject("run_id", UUID.class), (k) -> new ArrayList<>())
					.add(new DiscoveredEquation(rs.getString("lhs"), terms(rs.getString("terms")),
							rs.getString("latex")));
				return null;
			})
			.list();
		List<DiscoveryRun> result = new ArrayList<>(runs.size());
		for (DiscoveryRun r : runs) {
			result.add(new DiscoveryRun(r.id(), r.jobId(), r.pipelineId(), r.stepId(), r.datasetId(), r.ownerId(),
					r.status(), r.attempts(), r.settings(), r.createdAt(), r.startedAt(), r.completedAt(), r.error(),
					List.copyOf(byRun.getOrDefault(r.id(), List.of())), r.metrics(), r.provenance()));
		}
		return result;
	}

	private DiscoveryRun run(ResultSet rs, int row) throws SQLException {
		return new DiscoveryRun(rs.getObject("id", UUID.class), rs.getString("job_id"),
				rs.getObject("pipeline_id", UUID.class), rs.getString("step_id"),
				rs.getObject("dataset_id", UUID.class), rs.getString("owner_id"), RunStatus.of(rs.getString("status")),
				rs.getInt("attempts"), read(rs.getString("settings")), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "completed_at"), rs.getString("error"), List.of(),
				read(rs.getString("metrics")), read(rs.getString("provenance")));
	}

	private EquationRow equationRow(ResultSet rs, int row) throws SQLException {
		return new EquationRow(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class),
				rs.getObject("pipeline_id", UUID.class), rs.getObject("dataset_id", UUID.class),
				rs.getString("owner_id"), rs.getInt("ordinal"),
				new DiscoveredEquation(rs.getString("lhs"), terms(rs.getString("terms")), rs.getString("latex")),
				instant(rs, "completed_at"));
	}

	private List<TermCoefficient> terms(String text) {
		try {
			return this.json.readValue(text, TERMS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored terms are not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private JsonNode read(String text) {
		return this.columns.read(text);
	}

	private String write(Object value) {
		return this.columns.write(value);
	}

	/**
	 * The data of a job that makes a run.
	 *
	 * @param jobId the job id (unique per run)
	 * @param idempotencyKey the message's idempotency key
	 * @param pipelineId the pipeline, may be {@code null}
	 * @param stepId the step, may be {@code null}
	 * @param datasetId the data set, may be {@code null}
	 * @param datasetObjectKey the canonical form's key, may be {@code null}
	 * @param ownerId the owner
	 * @param settings the settings to record (JSON-serialisable)
	 */
	public record NewRun(String jobId, String idempotencyKey, UUID pipelineId, String stepId, UUID datasetId,
			String datasetObjectKey, String ownerId, Object settings) {

	}

	/**
	 * The outcome of {@link #claim}.
	 *
	 * @param runId the run of the job
	 * @param alreadyCompleted whether an earlier delivery completed it
	 */
	public record Claim(UUID runId, boolean alreadyCompleted) {

	}

	/**
	 * One stored equation with its run's owner.
	 *
	 * @param id the equation id
	 * @param runId its run
	 * @param pipelineId the run's pipeline, may be {@code null}
	 * @param datasetId the run's data set, may be {@code null}
	 * @param ownerId the run's owner
	 * @param ordinal position in the run
	 * @param equation the equation
	 * @param discoveredAt when its run completed
	 */
	public record EquationRow(UUID id, UUID runId, UUID pipelineId, UUID datasetId, String ownerId, int ordinal,
			DiscoveredEquation equation, Instant discoveredAt) {

	}

}
