package io.physforge.orchestration.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.orchestration.config.OrchestrationProperties;
import io.physforge.orchestration.outbox.Outbox;
import io.physforge.orchestration.sse.ProgressEvent;
import io.physforge.orchestration.sse.ProgressHub;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.queue.JobEvent;
import io.physforge.platform.queue.JobInput;
import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.JobResultRef;
import io.physforge.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The state machine of jobs and pipelines. Every change happens in a transaction that
 * locks the pipeline row first, then its job rows, so event handling, cancellation and
 * the timeout sweeper never interleave on one pipeline. A job attempt is started by
 * writing an outbox row in the same transaction ({@link Outbox}); clients are told after
 * commit ({@link ProgressHub}).
 */
@Service
public class JobLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JobLifecycle.class);

	private final JobStore store;

	private final JobViews views;

	private final Outbox outbox;

	private final ProgressHub hub;

	private final JobQueue queue;

	private final OrchestrationProperties properties;

	private final ObjectMapper json;

	private final ObjectProvider<AuditRecorder> audit;

	private final TransactionTemplate transactions;

	public JobLifecycle(JobStore store, JobViews views, Outbox outbox, ProgressHub hub, JobQueue queue,
			OrchestrationProperties properties, ObjectMapper json, ObjectProvider<AuditRecorder> audit,
			TransactionTemplate transactions) {
		this.store = store;
		this.views = views;
		this.outbox = outbox;
		this.hub = hub;
		this.queue = queue;
		this.properties = properties;
		this.json = json;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Queues the jobs of a new pipeline that wait for nothing. Call in the transaction
	 * that inserted them.
	 * @param pipeline the pipeline
	 */
	public void start(PipelineRow pipeline) {
		advance(pipeline);
	}

	/**
	 * Applies an event from {@code pf:job-events}. Events of unknown jobs (other
	 * services' jobs) and late events of ended jobs are ignored.
	 * @param event the event
	 */
	@Transactional
	public void onEvent(JobEvent event) {
		UUID jobId;
		try {
			jobId = UUID.fromString(event.jobId());
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		Optional<JobRow> found = this.store.job(jobId);
		if (found.isEmpty()) {
			return;
		}
		PipelineRow pipeline = this.store.pipeline(found.get().pipelineId(), true).orElseThrow();
		JobRow job = this.store.lockJob(jobId).orElseThrow();
		if (job.status().terminal()) {
			return;
		}
		if (!ofCurrentAttempt(event, job)) {
			// a late or re-delivered event of an earlier attempt: applying it again would
			// count that attempt twice (and skip one)
			logger.debug("Ignoring {} event of job {} for key {}: the job is at attempt {}", event.kind(), jobId,
					event.idempotencyKey(), job.attempts());
			return;
		}
		switch (event.kind()) {
			case PROGRESS -> progress(pipeline, job, event);
			case COMPLETED -> completed(pipeline, job, event);
			case FAILED -> failed(pipeline, job, event);
			case CANCELLED -> {
				this.store.update("UPDATE job SET status = 'cancelled', finished_at = now(), updated_at = now(), "
						+ "error = COALESCE(error, 'cancelled: the worker stopped it') WHERE id = ?", job.id());
				jobChanged(pipeline, job.id());
				finish(pipeline, JobStatus.CANCELLED, "step '" + job.stepId() + "' was cancelled by its worker");
			}
		}
	}

	/**
	 * Whether an event belongs to the job's current attempt, read from the idempotency
	 * key of the message it is about ({@code <jobId>:<attempt>[:r<n>]}, see
	 * {@code Outbox.idempotencyKey}); events without a key are taken as current.
	 */
	static boolean ofCurrentAttempt(JobEvent event, JobRow job) {
		String key = event.idempotencyKey();
		if (key == null) {
			return true;
		}
		String[] parts = key.split(":");
		if (parts.length < 2) {
			return true;
		}
		try {
			return Integer.parseInt(parts[1]) == job.attempts();
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	/**
	 * Cancels a pipeline: its unfinished jobs become {@code cancelled} and workers
	 * running them are told through {@link JobQueue#cancel}.
	 * @param pipelineId the pipeline
	 * @param reason why
	 * @return the pipeline's status before: a pipeline that had ended is left as it was
	 */
	@Transactional
	public JobStatus cancel(UUID pipelineId, String reason) {
		PipelineRow pipeline = this.store.pipeline(pipelineId, true).orElseThrow();
		if (!pipeline.status().terminal()) {
			finish(pipeline, JobStatus.CANCELLED, reason);
		}
		return pipeline.status();
	}

	/**
	 * Fails running jobs that ran longer than their timeout, and their pipelines.
	 * @return how many jobs timed out
	 */
	public int sweepTimeouts() {
		int count = 0;
		for (UUID id : this.store.timedOut(Instant.now())) {
			Boolean swept = this.transactions.execute((status) -> timeOut(id));
			if (Boolean.TRUE.equals(swept)) {
				count++;
			}
		}
		return count;
	}

	private boolean timeOut(UUID jobId) {
		Optional<JobRow> found = this.store.job(jobId);
		if (found.isEmpty()) {
			return false;
		}
		PipelineRow pipeline = this.store.pipeline(found.get().pipelineId(), true).orElseThrow();
		JobRow job = this.store.lockJob(jobId).orElseThrow();
		Duration timeout = Duration.ofSeconds(job.timeoutSeconds());
		if (job.status() != JobStatus.RUNNING || job.startedAt() == null
				|| !job.startedAt().plus(timeout).isBefore(Instant.now())) {
			return false;
		}
		String reason = "timed out: step '" + job.stepId() + "' (" + job.type() + ") ran longer than its timeout of "
				+ timeout + " (attempt " + job.attempts() + " started " + job.startedAt() + ", last progress "
				+ job.progress() + "%); raise physforge.orchestration.timeouts." + job.type()
				+ " if such runs are expected";
		this.store.update(
				"UPDATE job SET status = 'failed', error = ?, finished_at = now(), updated_at = now() WHERE id = ?",
				reason, job.id());
		cancelInQueueAfterCommit(List.of(job.id()));
		logger.warn("Job {} {}", job.id(), reason);
		jobChanged(pipeline, job.id());
		finish(pipeline, JobStatus.FAILED, reason);
		return true;
	}

	private void progress(PipelineRow pipeline, JobRow job, JobEvent event) {
		int percent = (event.fraction() != null) ? (int) Math.round(event.fraction() * 100) : job.progress();
		this.store.update(
				"UPDATE job SET status = 'running', progress = ?, progress_message = ?, "
						+ "started_at = COALESCE(started_at, now()), updated_at = now() WHERE id = ?",
				Math.max(0, Math.min(100, percent)), event.message(), job.id());
		if (pipeline.status() == JobStatus.QUEUED) {
			this.store.update("UPDATE pipeline SET status = 'running', started_at = COALESCE(started_at, now()), "
					+ "updated_at = now() WHERE id = ?", pipeline.id());
			pipelineChanged(pipeline.id(), false);
		}
		jobChanged(pipeline, job.id());
	}

	private void completed(PipelineRow pipeline, JobRow job, JobEvent event) {
		String result = null;
		if (event.message() != null && !event.message().isBlank()) {
			try {
				result = JobResultRef.parse(event.message()).toJson();
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Job {} completed with a message that is no result reference; storing none: {}", job.id(),
						ex.getMessage());
			}
		}
		this.store
			.update("UPDATE job SET status = 'completed', progress = 100, result = CAST(? AS jsonb), error = NULL, "
					+ "started_at = COALESCE(started_at, now()), finished_at = now(), updated_at = now() WHERE id = ?",
					result, job.id());
		if (pipeline.status() == JobStatus.QUEUED) {
			this.store.update("UPDATE pipeline SET status = 'running', started_at = COALESCE(started_at, now()), "
					+ "updated_at = now() WHERE id = ?", pipeline.id());
		}
		jobChanged(pipeline, job.id());
		advance(this.store.pipeline(pipeline.id(), false).orElseThrow());
	}

	private void failed(PipelineRow pipeline, JobRow job, JobEvent event) {
		String error = (event.error() != null) ? event.error() : "unknown error";
		if (event.retrying()) {
			this.store.update("UPDATE job SET error = ?, updated_at = now() WHERE id = ?",
					"delivery " + event.attempt() + " failed, the worker retries: " + error, job.id());
			jobChanged(pipeline, job.id());
			return;
		}
		if (!event.permanent() && job.attempts() < job.maxAttempts()) {
			Duration delay = this.properties.backoffBefore(job.attempts() + 1);
			this.store.update("UPDATE job SET error = ?, updated_at = now() WHERE id = ?", "attempt " + job.attempts()
					+ " of " + job.maxAttempts() + " failed: " + error + "; retrying in " + delay, job.id());
			enqueue(pipeline, job, this.store.jobs(pipeline.id()), delay);
			jobChanged(pipeline, job.id());
			return;
		}
		String reason = event.permanent()
				? "step '" + job.stepId() + "' (" + job.type() + ") failed; retrying cannot help: " + error
				: "step '" + job.stepId() + "' (" + job.type() + ") failed after " + job.attempts() + " attempt"
						+ ((job.attempts() == 1) ? "" : "s") + ": " + error;
		this.store.update(
				"UPDATE job SET status = 'failed', error = ?, finished_at = now(), updated_at = now() WHERE id = ?",
				reason, job.id());
		jobChanged(pipeline, job.id());
		finish(pipeline, JobStatus.FAILED, reason);
	}

	/**
	 * Queues every job whose upstream jobs all completed, or completes the pipeline when
	 * all its jobs did.
	 */
	private void advance(PipelineRow pipeline) {
		List<JobRow> jobs = this.store.jobs(pipeline.id());
		if (jobs.stream().allMatch((job) -> job.status() == JobStatus.COMPLETED)) {
			finish(pipeline, JobStatus.COMPLETED, null);
			return;
		}
		Map<String, JobRow> byStep = jobs.stream().collect(Collectors.toMap(JobRow::stepId, Function.identity()));
		for (JobRow job : jobs) {
			if (job.status() == JobStatus.QUEUED && job.enqueuedAt() == null
					&& job.dependsOn().stream().allMatch((step) -> byStep.get(step).status() == JobStatus.COMPLETED)) {
				enqueue(pipeline, job, jobs, Duration.ZERO);
				jobChanged(pipeline, job.id());
			}
		}
	}

	private void enqueue(PipelineRow pipeline, JobRow job, List<JobRow> jobs, Duration delay) {
		int attempt = job.attempts() + 1;
		Map<String, JobRow> byStep = jobs.stream().collect(Collectors.toMap(JobRow::stepId, Function.identity()));
		List<JobInput> inputs = new ArrayList<>();
		for (String step : job.dependsOn()) {
			JobRow upstream = byStep.get(step);
			inputs.add(new JobInput(upstream.stepId(), upstream.id(), upstream.type(),
					(upstream.result() != null) ? JobResultRef.parse(upstream.result()) : null));
		}
		JobPayload payload = new JobPayload(pipeline.id(), job.id(), job.stepId(), job.type(), attempt,
				pipeline.datasetId(), pipeline.ownerId(), pipeline.canonicalKey(), pipeline.canonicalFormat(),
				this.views.parse(job.params()), inputs);
		this.store.update("UPDATE job SET status = 'queued', attempts = ?, progress = 0, progress_message = NULL, "
				+ "enqueued_at = now(), published_at = NULL, started_at = NULL, updated_at = now() WHERE id = ?",
				attempt, job.id());
		this.outbox.add(job.id(), attempt, job.queue(), write(payload), delay.toMillis());
	}

	/**
	 * Ends a pipeline: unfinished jobs are cancelled (workers told after commit), clients
	 * get the final event, the end is audited.
	 */
	private void finish(PipelineRow pipeline, JobStatus status, String reason) {
		List<UUID> toCancel = new ArrayList<>();
		for (JobRow job : this.store.jobs(pipeline.id())) {
			if (job.status().terminal()) {
				continue;
			}
			if (job.enqueuedAt() != null) {
				toCancel.add(job.id());
			}
			this.store.update(
					"UPDATE job SET status = 'cancelled', error = ?, finished_at = now(), updated_at = now() "
							+ "WHERE id = ?",
					"not finished: the pipeline " + status.id() + ((reason != null) ? " (" + reason + ")" : ""),
					job.id());
			jobChanged(pipeline, job.id());
		}
		this.store.update(
				"UPDATE pipeline SET status = ?, error = ?, finished_at = now(), updated_at = now() WHERE id = ?",
				status.id(), reason, pipeline.id());
		cancelInQueueAfterCommit(toCancel);
		pipelineChanged(pipeline.id(), true);
		AuditRecorder recorder = this.audit.getIfAvailable();
		if (recorder != null) {
			// in the transaction of the status change: both commit or neither
			AuditEvent.Builder event = AuditEvent.builder("pipeline." + status.id(), "pipeline")
				.resourceId(pipeline.id());
			if (status == JobStatus.FAILED) {
				event.failed(reason);
			}
			else {
				event.reason(reason);
			}
			if (CurrentUser.find().isEmpty()) {
				event.system(); // a worker's event or the timeout sweep, not a user
			}
			recorder.record(event);
		}
		logger.info("Pipeline {} {}{}", pipeline.id(), status.id(), (reason != null) ? ": " + reason : "");
	}

	private void cancelInQueueAfterCommit(List<UUID> jobIds) {
		if (jobIds.isEmpty()) {
			return;
		}
		afterCommit(() -> {
			for (UUID id : jobIds) {
				try {
					this.queue.cancel(id.toString());
				}
				catch (RuntimeException ex) {
					logger.warn("Could not tell workers that job {} is cancelled: {}", id, ex.toString());
				}
			}
		});
	}

	private void jobChanged(PipelineRow pipeline, UUID jobId) {
		JobRow job = this.store.job(jobId).orElseThrow();
		this.hub.publish(new ProgressEvent(pipeline.id(), pipeline.ownerId(), "job", this.views.job(job), false));
	}

	private void pipelineChanged(UUID pipelineId, boolean last) {
		PipelineRow pipeline = this.store.pipeline(pipelineId, false).orElseThrow();
		PipelineView view = this.views.pipeline(pipeline, this.store.jobs(pipelineId), false);
		this.hub.publish(new ProgressEvent(pipelineId, pipeline.ownerId(), "pipeline", view, last));
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
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

}
