package io.physforge.pinntraining.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.pinn.PinnEquation;
import io.physforge.pinntraining.job.TrainingParams.InvalidParamsException;
import io.physforge.pinntraining.job.internal.JobRepository.NewJob;
import io.physforge.pinntraining.job.internal.JobRepository;
import io.physforge.pinntraining.model.ModelCheckpoint;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.dataset.DataSetClient;
import io.physforge.platform.dataset.DataSetRef;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.problem.Problems.FieldError;
import io.physforge.platform.problem.Problems;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.WorkerPayload;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.storage.ObjectNotFoundException;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.web.Paging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits, shows, lists and cancels training jobs, applying the ownership rule: another
 * user's job is not found, an ADMIN sees all.
 * <p>
 * A submitted job takes the same path as a pipeline's {@code pinn} step: it is published
 * to the job stream ({@code pf:jobs:pinn}) with the orchestrator's payload, and the
 * worker trains it. Cancelling uses the queue's cancellation mark
 * ({@link JobQueue#cancel}), which the worker's training loop polls. A job submitted here
 * has no orchestrator behind it and the worker never retries a failure: a failed job
 * stays failed (with its error) and its user submits it again; only a training whose
 * worker died is run again.
 */
@Service
@EnableConfigurationProperties(PinnQueueProperties.class)
public class TrainingJobs {

	/** The job type, and the suffix of the job stream {@code pf:jobs:pinn}. */
	public static final String JOB_TYPE = "pinn";

	/** Resource type of training jobs in audit events. */
	public static final String RESOURCE = "pinn-job";

	private final JobRepository jobs;

	private final DataSetClient dataSets;

	private final JobQueue queue;

	private final PinnQueueProperties properties;

	private final ObjectStorage storage;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	private final ObjectProvider<AuditRecorder> audit;

	public TrainingJobs(JobRepository jobs, DataSetClient dataSets, JobQueue queue, PinnQueueProperties properties,
			ObjectStorage storage, ObjectMapper json, TransactionTemplate transactions,
			ObjectProvider<AuditRecorder> audit) {
		this.audit = audit;
		this.jobs = jobs;
		this.dataSets = dataSets;
		this.queue = queue;
		this.properties = properties;
		this.storage = storage;
		this.json = json;
		this.transactions = transactions;
	}

	/**
	 * Validates a request (every offending field is reported), looks the data set up in
	 * data-service with the caller's token, checks the equation against the data set's
	 * fields and axes, then stores the job and publishes it to the job stream in one
	 * transaction (a failed publish stores nothing).
	 * @param user the caller (the owner)
	 * @param request the request
	 * @param authorization the caller's {@code Authorization} header
	 * @return the queued job
	 * @throws ProblemException 400 listing every offending field, 404 for a data set that
	 * does not exist or is not the caller's
	 */
	public TrainingJob submit(CurrentUser user, SubmitRequest request, String authorization) {
		List<FieldError> errors = new ArrayList<>();
		if (request == null || request.datasetId() == null) {
			errors.add(new FieldError("datasetId", "is required: the id of one of your data sets"));
		}
		TrainingConfig config = null;
		try {
			config = TrainingParams.read((request != null) ? request.settings() : null);
		}
		catch (InvalidParamsException ex) {
			ex.errors()
				.forEach((e) -> errors
					.add(new FieldError(e.field().isEmpty() ? "settings" : "settings." + e.field(), e.message())));
		}
		if (!errors.isEmpty()) {
			throw validation(errors);
		}
		DataSetRef dataSet = this.dataSets.require(request.datasetId(), authorization);
		if (config.settings().pde() != null) {
			try {
				PinnEquation.parse(config.settings().pde(), dataSet.fields(), dataSet.axes());
			}
			catch (IllegalArgumentException ex) {
				throw validation(List.of(new FieldError("settings.pde", ex.getMessage() + " (data set " + dataSet.id()
						+ " has fields " + dataSet.fields() + " on axes " + dataSet.axes() + ")")));
			}
		}
		UUID id = UUID.randomUUID();
		String key = id + ":1";
		WorkerPayload payload = new WorkerPayload(null, id, null, JOB_TYPE, 1, dataSet.id(), user.id(),
				dataSet.canonical().key(), dataSet.canonical().format(), this.json.valueToTree(config.params()),
				List.of());
		JobMessage message = new JobMessage(id.toString(), JOB_TYPE, key, write(payload), 0, null);
		TrainingConfig stored = config;
		this.transactions.executeWithoutResult((tx) -> {
			this.jobs.submit(new NewJob(id, key, null, null, dataSet.id(), dataSet.canonical().key(), user.id(),
					stored.asMap()));
			this.queue.publish(this.properties.stream(), message);
			this.audit.ifAvailable((recorder) -> recorder.record(AuditEvent.builder("pinn.job.submit", RESOURCE)
				.resourceId(id)
				.details(Map.of("datasetId", dataSet.id().toString()))));
		});
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * One job.
	 * @param user the caller
	 * @param id the job id
	 * @return the job
	 * @throws ProblemException 404 if it does not exist or is not the caller's
	 */
	public TrainingJob show(CurrentUser user, UUID id) {
		return this.jobs.find(id)
			.filter((job) -> user.canAccess(job.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("pinn-job", id));
	}

	/**
	 * The caller's jobs (everyone's for an ADMIN), newest first.
	 * @param user the caller
	 * @param page page from 0
	 * @param size page size
	 * @return the page
	 */
	public JobPage list(CurrentUser user, int page, int size) {
		Paging paging = Paging.of(page, size);
		String owner = user.isAdmin() ? null : user.id();
		long total = this.jobs.count(owner);
		return new JobPage(this.jobs.list(owner, paging.offset(), paging.size()), page, size, total,
				paging.pages(total));
	}

	/**
	 * Cancels a queued or running job: a queued job is cancelled at once, a running one
	 * stops within about a second (its training loop sees the queue's mark) and is then
	 * shown cancelled. Cancelling an ended job changes nothing.
	 * @param user the caller
	 * @param id the job id
	 * @return the job after
	 * @throws ProblemException 404 if not the caller's, 409 if it has ended
	 */
	public TrainingJob cancel(CurrentUser user, UUID id) {
		TrainingJob job = show(user, id);
		if (job.status().terminal()) {
			throw ProblemException.conflict("pinn-job-ended",
					"Job " + id + " is " + job.status().id() + "; only queued or running jobs can be cancelled.");
		}
		this.queue.cancel(id.toString());
		this.transactions.executeWithoutResult((tx) -> {
			this.jobs.requestCancel(id);
			this.audit.ifAvailable(
					(recorder) -> recorder.record(AuditEvent.builder("pinn.job.cancel", RESOURCE).resourceId(id)));
		});
		return this.jobs.find(id).orElseThrow();
	}

	/**
	 * What a completed job produced, with its loss curve (read from the logs object).
	 * @param user the caller
	 * @param id the job id
	 * @return the result
	 * @throws ProblemException 404 if not the caller's, 409 if not completed
	 */
	public JobResultView result(CurrentUser user, UUID id) {
		TrainingJob job = show(user, id);
		if (job.status() != JobStatus.COMPLETED || job.modelId() == null) {
			throw new ProblemException(HttpStatus.CONFLICT, "pinn-job-not-completed", "Job not completed",
					"Job " + id + " is " + job.status().id() + ((job.error() != null) ? " (" + job.error() + ")" : "")
							+ "; its result exists once it completed. Follow GET /api/pinn/jobs/" + id + "/status.");
		}
		ModelCheckpoint model = this.jobs.model(job.modelId()).orElseThrow();
		JsonNode metrics = model.metrics();
		JsonNode equation = metrics.path("equation");
		return new JobResultView(id, model.id(), model.location(), metrics.path("coefficients"),
				equation.isTextual() ? equation.asText() : null, job.losses(), job.epochsRun(), job.durationMillis(),
				lossCurve(job), job.provenance());
	}

	private JsonNode lossCurve(TrainingJob job) {
		String prefix = "s3://" + ModelCheckpoint.BUCKET + "/";
		if (job.logsLocation() == null || !job.logsLocation().startsWith(prefix)) {
			return this.json.createArrayNode();
		}
		try (InputStream in = this.storage.get(ModelCheckpoint.BUCKET, job.logsLocation().substring(prefix.length()))) {
			return this.json.readTree(in).path("history");
		}
		catch (ObjectNotFoundException ex) {
			throw new ProblemException(HttpStatus.GONE, "pinn-logs-missing", "Loss history missing",
					"The loss history of job " + job.id() + " (" + job.logsLocation()
							+ ") is no longer in storage; train again to get it.");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the loss history " + job.logsLocation() + ": " + ex, ex);
		}
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ProblemException validation(List<FieldError> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				Problems.validation(errors).getDetail())
			.with("errors", errors);
	}

}
