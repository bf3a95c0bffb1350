package io.physforge.orchestration.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.physforge.orchestration.config.OrchestrationProperties;
import io.physforge.orchestration.job.JobLifecycle;
import io.physforge.orchestration.job.JobRow;
import io.physforge.orchestration.job.JobStatus;
import io.physforge.orchestration.job.JobStore;
import io.physforge.orchestration.job.JobViews;
import io.physforge.orchestration.job.PipelineRow;
import io.physforge.orchestration.job.PipelineView;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.dataset.DataSetClient;
import io.physforge.platform.dataset.DataSetRef;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.problem.Problems.FieldError;
import io.physforge.platform.problem.Problems;
import io.physforge.platform.security.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits, shows, lists and cancels pipelines, applying the ownership rule: another
 * user's pipeline is not found, an ADMIN sees all.
 */
@Service
public class PipelineService {

	private final JobStore store;

	private final JobViews views;

	private final JobLifecycle lifecycle;

	private final OrchestrationProperties properties;

	private final ObjectMapper json;

	private final DataSetClient dataSets;

	private final TransactionTemplate transaction;

	private final ObjectProvider<AuditRecorder> audit;

	public PipelineService(JobStore store, JobViews views, JobLifecycle lifecycle, OrchestrationProperties properties,
			ObjectMapper json, DataSetClient dataSets, PlatformTransactionManager transactions,
			ObjectProvider<AuditRecorder> audit) {
		this.audit = audit;
		this.store = store;
		this.views = views;
		this.lifecycle = lifecycle;
		this.properties = properties;
		this.json = json;
		this.dataSets = dataSets;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Validates a pipeline, looks its data set up in data-service with the caller's token
	 * (outside any transaction), then stores the pipeline with the data set's canonical
	 * form, its jobs and the outbox rows of its first jobs, in one transaction.
	 * @param user the caller (the owner)
	 * @param request the request
	 * @param authorization the caller's {@code Authorization} header, forwarded to
	 * data-service
	 * @return the stored pipeline
	 * @throws ProblemException 400 listing every offending field, 404 when the data set
	 * does not exist or is not the caller's (nothing is stored)
	 */
	public PipelineView submit(CurrentUser user, PipelineRequest request, String authorization) {
		List<FieldError> errors = new ArrayList<>();
		StepGraph graph = StepGraph.validate(request, this.properties.maxSteps(), errors);
		if (graph == null) {
			ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
					Problems.validation(errors).getDetail());
			throw problem.with("errors", errors);
		}
		DataSetRef dataSet = this.dataSets.require(request.datasetId(), authorization);
		return this.transaction.execute((status) -> store(user, request, graph, dataSet));
	}

	private PipelineView store(CurrentUser user, PipelineRequest request, StepGraph graph, DataSetRef dataSet) {
		UUID pipelineId = UUID.randomUUID();
		this.store.insertPipeline(pipelineId, user.id(), request.datasetId(), dataSet.canonical().key(),
				dataSet.canonical().format());
		for (int i = 0; i < graph.steps().size(); i++) {
			StepGraph.Node step = graph.steps().get(i);
			this.store.insertJob(UUID.randomUUID(), pipelineId, step.id(), i, step.type().id(),
					this.properties.queueFor(step.type().id()), write(step.params()), step.dependsOn(),
					this.properties.maxAttempts(), this.properties.timeoutFor(step.type().id()).toSeconds());
		}
		PipelineRow pipeline = this.store.pipeline(pipelineId, true).orElseThrow();
		this.lifecycle.start(pipeline);
		this.audit.ifAvailable((recorder) -> recorder.record(AuditEvent.builder("pipeline.submit", "pipeline")
			.resourceId(pipelineId)
			.details(Map.of("datasetId", request.datasetId().toString(), "steps",
					graph.steps().stream().map((step) -> step.id() + ":" + step.type().id()).toList()))));
		return view(pipeline);
	}

	/**
	 * A pipeline with its jobs.
	 * @param user the caller
	 * @param id the pipeline id
	 * @return the pipeline
	 * @throws ProblemException 404 if it does not exist or is not the caller's
	 */
	@Transactional(readOnly = true)
	public PipelineView show(CurrentUser user, UUID id) {
		return view(accessible(user, id));
	}

	/**
	 * A page of the caller's pipelines (all for an ADMIN), newest first.
	 * @param user the caller
	 * @param page the page, from 0
	 * @param size its size, 1 to 100
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public PipelinePage list(CurrentUser user, int page, int size) {
		List<FieldError> errors = new ArrayList<>();
		if (page < 0) {
			errors.add(new FieldError("page", "must be >= 0, was " + page));
		}
		if (size < 1 || size > 100) {
			errors.add(new FieldError("size", "must be between 1 and 100, was " + size));
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
					Problems.validation(errors).getDetail())
				.with("errors", errors);
		}
		String owner = user.isAdmin() ? null : user.id();
		long total = this.store.countPipelines(owner);
		List<PipelineView> items = this.store.pipelines(owner, page * size, size)
			.stream()
			.map((pipeline) -> this.views.pipeline(pipeline, this.store.jobs(pipeline.id()), false))
			.toList();
		return new PipelinePage(items, page, size, total, (int) ((total + size - 1) / size));
	}

	/**
	 * Cancels a pipeline; cancelling a cancelled one again changes nothing.
	 * @param user the caller
	 * @param id the pipeline id
	 * @return the pipeline after
	 * @throws ProblemException 404 if not found or not the caller's, 409 if it already
	 * completed or failed
	 */
	@Transactional
	public PipelineView cancel(CurrentUser user, UUID id) {
		accessible(user, id);
		JobStatus before = this.lifecycle.cancel(id, "cancelled by user " + user.id());
		if (before == JobStatus.COMPLETED || before == JobStatus.FAILED) {
			throw ProblemException.conflict("pipeline-ended", "Pipeline " + id + " already " + before.id()
					+ "; only queued or running pipelines can be cancelled.");
		}
		this.audit.ifAvailable(
				(recorder) -> recorder.record(AuditEvent.builder("pipeline.cancel", "pipeline").resourceId(id)));
		return view(this.store.pipeline(id, false).orElseThrow());
	}

	/**
	 * The pipeline if the caller may see it.
	 * @param user the caller
	 * @param id the pipeline id
	 * @return the pipeline
	 * @throws ProblemException 404 otherwise
	 */
	@Transactional(readOnly = true)
	public PipelineRow accessible(CurrentUser user, UUID id) {
		return this.store.pipeline(id, false)
			.filter((pipeline) -> user.canAccess(pipeline.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("pipeline", id));
	}

	/**
	 * The pipeline's view with jobs.
	 * @param pipeline the pipeline
	 * @return its view
	 */
	public PipelineView view(PipelineRow pipeline) {
		List<JobRow> jobs = this.store.jobs(pipeline.id());
		return this.views.pipeline(pipeline, jobs, true);
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
