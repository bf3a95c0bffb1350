package io.physforge.pinntraining.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.pinn.PinnEquation;
import io.physforge.pinn.PinnResult;
import io.physforge.pinn.PinnSettings;
import io.physforge.pinn.PinnTrainer;
import io.physforge.pinn.TrainingCancelledException;
import io.physforge.pinn.TrainingMonitor;
import io.physforge.pinn.TrainingProgress;
import io.physforge.pinntraining.job.JobStatus;
import io.physforge.pinntraining.job.PinnQueueProperties;
import io.physforge.pinntraining.job.TrainingConfig;
import io.physforge.pinntraining.job.TrainingJobs;
import io.physforge.pinntraining.job.TrainingParams;
import io.physforge.pinntraining.job.internal.JobRepository;
import io.physforge.pinntraining.job.internal.JobRepository.Claim;
import io.physforge.pinntraining.job.internal.JobRepository.Completion;
import io.physforge.pinntraining.job.internal.JobRepository.NewJob;
import io.physforge.pinntraining.model.ModelCheckpoint;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.queue.JobCancelledException;
import io.physforge.platform.queue.JobContext;
import io.physforge.platform.queue.JobEvents;
import io.physforge.platform.queue.JobFailures;
import io.physforge.platform.queue.JobHandler;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.JobResultRef;
import io.physforge.platform.queue.PermanentJobFailure;
import io.physforge.platform.queue.WorkerPayload;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one training job: reads the payload, makes (or resumes) the job's row, reads the
 * data set's canonical form (adding the asked-for noise), trains with
 * {@link PinnTrainer#train(Field, PinnSettings, TrainingMonitor)}, stores the checkpoint
 * and the loss history in bucket {@code models}, the checkpoint row and the final losses
 * in one transaction, and publishes a {@code completed} event whose message is the
 * model's {@link JobResultRef}.
 * <p>
 * The loss curve is published as {@code progress} events (and written to the job's row)
 * every {@code progressEvery} steps, at most every {@code progress-interval}. The
 * training loop polls {@link JobContext#cancelled()} every step, so a cancelled job (or a
 * stopping worker) stops within about a second.
 * <p>
 * Idempotent per job id: a delivery of a completed job stores nothing and publishes the
 * same reference again; a delivery that loses the race to complete deletes the objects it
 * stored. A failure is recorded on the job (status {@code failed}, {@code error}) and
 * rethrown: the worker publishes {@code failed} and dead-letters the job without retrying
 * it (a pipeline step is retried by the orchestrator; a job submitted directly is
 * resubmitted by its user); bad input (an unreadable data set, invalid parameters or
 * equation, a payload naming no data) is thrown as a {@link PermanentJobFailure},
 * dead-lettered at once.
 */
@Component
public class PinnJobHandler implements JobHandler {

	private static final Logger logger = LoggerFactory.getLogger(PinnJobHandler.class);

	private final JobRepository jobs;

	private final CanonicalDataSetReader reader;

	private final ObjectStorage storage;

	private final JobEvents events;

	private final JobQueue queue;

	private final PinnQueueProperties properties;

	private final ObjectMapper json;

	private final ObjectProvider<AuditRecorder> audit;

	private final TransactionTemplate transactions;

	public PinnJobHandler(JobRepository jobs, CanonicalDataSetReader reader, ObjectStorage storage, JobEvents events,
			JobQueue queue, PinnQueueProperties properties, ObjectMapper json, ObjectProvider<AuditRecorder> audit,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.jobs = jobs;
		this.reader = reader;
		this.storage = storage;
		this.events = events;
		this.queue = queue;
		this.properties = properties;
		this.json = json;
		this.audit = audit;
	}

	@Override
	public void handle(JobMessage message, JobContext context) throws Exception {
		WorkerPayload payload = WorkerPayload.read(this.json, message, "a PINN job", "job");
		UUID jobId = jobId(message);
		TrainingConfig config = null;
		IllegalArgumentException invalid = null;
		try {
			config = TrainingParams.read(payload.params());
		}
		catch (IllegalArgumentException ex) {
			invalid = ex;
		}
		String objectKey = CanonicalDataSetReader.objectKey(payload.datasetObjectKey(), payload.inputs());
		Object recorded = (config != null) ? config.asMap() : (payload.params() != null) ? payload.params() : Map.of();
		Claim claim = this.jobs.claim(new NewJob(jobId, message.idempotencyKey(), payload.pipelineId(),
				payload.stepId(), payload.datasetId(), objectKey, payload.ownerId(), recorded));
		switch (claim) {
			case COMPLETED -> {
				logger.info("Job {} already completed; publishing its result again", jobId);
				publishResult(message, jobId);
				return;
			}
			case CANCELLED -> {
				if (this.queue.isCancelled(message.jobId())) {
					throw new JobCancelledException("job " + jobId + " was cancelled");
				}
				throw new PermanentJobFailure("job " + jobId + " was cancelled; submit a new job to train again");
			}
			case OTHER_OWNER -> throw new PermanentJobFailure(
					"job " + jobId + " belongs to another user than its payload's ownerId " + payload.ownerId());
			case CLAIMED -> {
			}
		}
		try {
			if (invalid != null) {
				throw invalid;
			}
			context.progress(0.01, "reading the data set");
			JobFailures.checkCancelled(message, context);
			Field field = this.reader.read(payload.datasetId(), objectKey);
			PinnSettings settings = config.settings();
			if (config.noise() > 0) {
				field = Noise.add(field, config.noise(), settings.seed());
			}
			if (settings.pde() != null) {
				PinnEquation.parse(settings.pde(), field.fieldNames(),
						field.grid().axes().stream().map(Axis::name).toList());
			}
			JobFailures.checkCancelled(message, context);
			context.progress(0.02,
					"training " + settings.hiddenLayers() + " on " + field.fieldNames() + " (" + field.grid().size()
							+ " points): " + settings.epochs() + " Adam steps, up to " + settings.lbfgsIterations()
							+ " L-BFGS iterations");
			Monitor monitor = new Monitor(jobId, context);
			PinnResult result = PinnTrainer.train(field, settings, monitor);
			context.progress(0.98, "storing the checkpoint");
			store(jobId, payload, objectKey, config, result, monitor.last);
			publishResult(message, jobId);
		}
		catch (JobCancelledException | TrainingCancelledException ex) {
			if (this.queue.isCancelled(message.jobId())) {
				finish(jobId, JobStatus.CANCELLED, "cancelled (" + ex.getMessage() + ")");
			}
			// else the worker is stopping: the job stays running until it is re-claimed
			throw ex;
		}
		catch (Exception | LinkageError ex) {
			// bad data, parameters or equation (IllegalArgumentException) fail
			// permanently
			JobFailures.record(this.queue, message, context, ex,
					(status, error) -> finish(jobId, JobStatus.of(status), error), () -> {
					});
			throw ex;
		}
	}

	/**
	 * Stores the checkpoint and the loss history, then the rows; the objects are deleted
	 * again when the rows cannot be written or another delivery completed the job first.
	 */
	private void store(UUID jobId, WorkerPayload payload, String objectKey, TrainingConfig config, PinnResult result,
			TrainingProgress last) {
		Map<String, Object> provenance = new LinkedHashMap<>(result.provenance());
		provenance.put("input", CanonicalDataSetReader.describe(payload.datasetId(), objectKey) + ": "
				+ result.provenance().get("input"));
		Map<String, Object> noise = new LinkedHashMap<>();
		noise.put("level", config.noise());
		noise.put("seed", (config.noise() > 0) ? config.settings().seed() : null);
		provenance.put("noise", noise);
		provenance.put("jobId", jobId.toString());
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("coefficients", new TreeMap<>(result.coefficients()));
		metrics.put("losses", result.losses());
		metrics.put("equation", result.model().equation());
		metrics.put("epochs", result.steps());
		metrics.put("durationMillis", result.durationMillis());
		Map<String, Object> logs = new LinkedHashMap<>();
		logs.put("jobId", jobId.toString());
		logs.put("history", result.history().stream().map(TrainingProgress::asMap).toList());
		logs.put("losses", result.losses());
		logs.put("coefficients", result.coefficients());
		byte[] checkpoint = checkpoint(result);
		byte[] history = bytes(logs);
		StoredObject model = null;
		StoredObject lossHistory = null;
		boolean stored = false;
		try {
			model = this.storage.put(ModelCheckpoint.BUCKET, new ByteArrayInputStream(checkpoint), checkpoint.length,
					"application/json");
			lossHistory = this.storage.put(ModelCheckpoint.BUCKET, new ByteArrayInputStream(history), history.length,
					"application/json");
			UUID modelId = UUID.randomUUID();
			Completion completion = new Completion(jobId, payload.ownerId(), modelId, model.key(), model.size(),
					lossHistory.key(), result.model().architecture(), metrics, result.losses(), result.steps(),
					result.durationMillis(), (last != null) ? last.asMap() : null, provenance);
			stored = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
				boolean done = this.jobs.complete(completion);
				if (done) {
					record(AuditEvent.builder("pinn.model.create", "pinn-model")
						.resourceId(modelId)
						.details(Map.of("jobId", jobId.toString(), "ownerId", payload.ownerId())));
				}
				return done;
			}));
			if (!stored) {
				logger.info("Job {} was completed by another delivery; deleting this delivery's objects", jobId);
			}
		}
		finally {
			if (!stored) {
				deleteQuietly(model);
				deleteQuietly(lossHistory);
			}
		}
	}

	private byte[] checkpoint(PinnResult result) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			result.model().save(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the checkpoint: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	private void deleteQuietly(StoredObject object) {
		if (object == null) {
			return;
		}
		try {
			this.storage.delete(object.bucket(), object.key());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete {}/{} after a failed store: {}", object.bucket(), object.key(),
					ex.getMessage());
		}
	}

	private static UUID jobId(JobMessage message) {
		try {
			return UUID.fromString(message.jobId());
		}
		catch (IllegalArgumentException ex) {
			throw new PermanentJobFailure(
					"job id '" + message.jobId() + "' is not a UUID; PINN jobs are keyed by UUID job ids", ex);
		}
	}

	private void publishResult(JobMessage message, UUID jobId) {
		ModelCheckpoint model = this.jobs.modelOfJob(jobId)
			.orElseThrow(() -> new IllegalStateException("job " + jobId + " completed without a model checkpoint"));
		ObjectNode summary = this.json.createObjectNode();
		summary.set("coefficients", model.metrics().path("coefficients"));
		summary.set("losses", model.metrics().path("losses"));
		if (model.metrics().path("equation").isTextual()) {
			summary.set("equation", model.metrics().path("equation"));
		}
		summary.set("epochs", model.metrics().path("epochs"));
		JobResultRef ref = new JobResultRef(JobResultRef.PINN_MODEL, model.id().toString(), model.location(), summary);
		this.events.publish(JobResultRef.completedEvent(message, ref));
	}

	/** Ends a job that did not complete and records it, in one transaction. */
	private void finish(UUID jobId, JobStatus status, String error) {
		this.transactions.executeWithoutResult((tx) -> {
			this.jobs.finish(jobId, status, error);
			AuditEvent.Builder event = AuditEvent.builder("pinn.job." + status.id(), TrainingJobs.RESOURCE)
				.resourceId(jobId);
			record((status == JobStatus.FAILED) ? event.failed(error) : event.reason(error));
		});
	}

	/** The worker's own work: actor {@code system}. */
	private void record(AuditEvent.Builder event) {
		this.audit.ifAvailable((recorder) -> recorder.record(event.system()));
	}

	private byte[] bytes(Object value) {
		try {
			return this.json.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Forwards the loss curve to the job's progress (events and row, at most every
	 * {@code progress-interval}, always the last point) and the queue's cancellation to
	 * the training loop.
	 */
	private final class Monitor implements TrainingMonitor {

		private final UUID jobId;

		private final JobContext context;

		private final long intervalNanos;

		private long sentAt;

		private TrainingProgress last;

		Monitor(UUID jobId, JobContext context) {
			this.jobId = jobId;
			this.context = context;
			this.intervalNanos = PinnJobHandler.this.properties.progressInterval().toNanos();
			this.sentAt = System.nanoTime() - this.intervalNanos;
		}

		@Override
		public void progress(TrainingProgress point) {
			this.last = point;
			long now = System.nanoTime();
			if (now - this.sentAt < this.intervalNanos && point.step() < point.totalSteps()) {
				return;
			}
			this.sentAt = now;
			double fraction = 0.02 + 0.95 * point.fraction();
			try {
				this.context.progress(fraction, point.text());
				PinnJobHandler.this.jobs.progress(this.jobId, fraction, point.asMap());
			}
			catch (RuntimeException ex) {
				// a missed progress report must not end hours of training
				logger.warn("Could not report progress of job {}: {}", this.jobId, ex.toString());
			}
		}

		@Override
		public boolean cancelled() {
			return this.context.cancelled();
		}

	}

}
