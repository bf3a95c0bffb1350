package io.physforge.discovery.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.discovery.run.DiscoveryRun;
import io.physforge.discovery.run.RunStatus;
import io.physforge.discovery.run.internal.RunRepository.Claim;
import io.physforge.discovery.run.internal.RunRepository.NewRun;
import io.physforge.discovery.run.internal.RunRepository;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.queue.JobContext;
import io.physforge.platform.queue.JobCancelledException;
import io.physforge.platform.queue.JobEvents;
import io.physforge.platform.queue.JobFailures;
import io.physforge.platform.queue.JobInput;
import io.physforge.platform.queue.JobHandler;
import io.physforge.platform.queue.JobMessage;
import io.physforge.platform.queue.JobQueue;
import io.physforge.platform.queue.JobResultRef;
import io.physforge.platform.queue.PermanentJobFailure;
import io.physforge.platform.queue.WorkerPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs one discovery job: reads the payload, makes (or resumes) the job's run, reads the
 * data set's canonical form, runs {@link Discovery#discover}, stores the equations and
 * publishes a {@code completed} event whose message is the run's {@link JobResultRef}.
 * When an input is a derivative feature set (kind {@code feature-set}, from
 * derivative-service) the derivatives are not computed here: the feature set is read
 * ({@link FeatureSetReader}, edges trimmed as its summary says) and
 * {@link Discovery#discoverFromDerivatives} runs on it; the run records that source
 * ({@code derivativeSource} in its settings, metrics and provenance).
 * <p>
 * Idempotent per job id: a delivery of a job whose run completed stores nothing and
 * publishes the same reference again. Progress is reported after each stage, and
 * cancellation is checked between stages. A failure is recorded on the run (status
 * {@code failed}, {@code error}) and rethrown: the worker publishes {@code failed} and
 * dead-letters the job without retrying it (the orchestrator owns retries); bad input (an
 * unreadable data set, invalid parameters, a payload naming no data) is thrown as a
 * {@link PermanentJobFailure}, dead-lettered at once.
 */
@Component
public class DiscoveryJobHandler implements JobHandler {

	private static final Logger logger = LoggerFactory.getLogger(DiscoveryJobHandler.class);

	private final RunRepository runs;

	private final CanonicalDataSetReader reader;

	private final FeatureSetReader featureSets;

	private final JobEvents events;

	private final JobQueue queue;

	private final ObjectMapper json;

	/** Resource type of discovery runs in audit events. */
	private static final String RESOURCE = "discovery-run";

	private final ObjectProvider<AuditRecorder> audit;

	private final TransactionOperations transactions;

	public DiscoveryJobHandler(RunRepository runs, CanonicalDataSetReader reader, FeatureSetReader featureSets,
			JobEvents events, JobQueue queue, ObjectMapper json, ObjectProvider<AuditRecorder> audit,
			TransactionOperations transactions) {
		this.transactions = transactions;
		this.runs = runs;
		this.reader = reader;
		this.featureSets = featureSets;
		this.events = events;
		this.queue = queue;
		this.json = json;
		this.audit = audit;
	}

	@Override
	public void handle(JobMessage message, JobContext context) throws Exception {
		WorkerPayload payload = WorkerPayload.read(this.json, message, "a discovery job", "run");
		DiscoverySettings settings = null;
		RuntimeException invalid = null;
		try {
			settings = DiscoveryParams.toSettings(payload.params());
		}
		catch (IllegalArgumentException ex) {
			invalid = ex;
		}
		String objectKey = CanonicalDataSetReader.objectKey(payload.datasetObjectKey(), payload.inputs());
		Object recorded = (settings != null) ? settings.asMap()
				: (payload.params() != null) ? payload.params() : Map.of();
		JobResultRef upstream = featureSet(payload);
		if (settings != null && upstream != null) {
			Map<String, Object> withSource = new LinkedHashMap<>(settings.asMap());
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("kind", upstream.kind());
			source.put("id", upstream.id());
			source.put("location", upstream.location());
			withSource.put("derivativeSource", source);
			recorded = withSource;
		}
		Claim claim = this.runs.claim(new NewRun(message.jobId(), message.idempotencyKey(), payload.pipelineId(),
				payload.stepId(), payload.datasetId(), objectKey, payload.ownerId(), recorded));
		if (claim.alreadyCompleted()) {
			logger.info("Job {} already has completed run {}; publishing its result again", message.jobId(),
					claim.runId());
			publishResult(message, claim.runId());
			return;
		}
		UUID runId = claim.runId();
		try {
			if (invalid != null) {
				throw invalid;
			}
			DiscoveryResult result = (upstream != null)
					? discoverFromFeatureSet(message, context, payload, upstream, settings)
					: discoverFromDataSet(message, context, payload, objectKey, settings);
			JobFailures.checkCancelled(message, context);
			context.progress(0.9, "storing " + result.equations().size() + " equation(s)");
			boolean completed = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
				boolean done = this.runs.complete(runId, result);
				if (done) {
					record(AuditEvent.builder("discovery.run.create", RESOURCE)
						.resourceId(runId)
						.details(Map.of("jobId", message.jobId(), "ownerId", payload.ownerId())));
				}
				return done;
			}));
			if (!completed) {
				logger.info("Run {} of job {} was completed by another delivery; keeping that result", runId,
						message.jobId());
			}
			publishResult(message, runId);
		}
		catch (JobCancelledException ex) {
			if (this.queue.isCancelled(message.jobId())) {
				finish(runId, RunStatus.CANCELLED, "cancelled");
			}
			// else the worker is stopping: the run stays running until the job is
			// re-claimed
			throw ex;
		}
		catch (Exception | LinkageError ex) {
			JobFailures.record(this.queue, message, context, ex,
					(status, error) -> finish(runId, RunStatus.of(status), error), () -> {
					});
			throw ex;
		}
	}

	private DiscoveryResult discoverFromDataSet(JobMessage message, JobContext context, WorkerPayload payload,
			String objectKey, DiscoverySettings settings) {
		context.progress(0.05, "reading the data set");
		JobFailures.checkCancelled(message, context);
		Field field = this.reader.read(payload.datasetId(), objectKey);
		JobFailures.checkCancelled(message, context);
		context.progress(0.2, "discovering with " + settings.method() + " on " + field.fieldNames() + " ("
				+ field.grid().size() + " points)");
		DiscoveryResult result = Discovery.discover(field, settings);
		return result.withInput(CanonicalDataSetReader.describe(payload.datasetId(), objectKey),
				result.provenance().inputSha256());
	}

	/**
	 * Discovery from the derivatives of an upstream feature set: read, edges trimmed as
	 * its summary says, then {@link Discovery#discoverFromDerivatives}; the source is
	 * kept in the provenance's settings and in the metrics as {@code derivativeSource}.
	 */
	private DiscoveryResult discoverFromFeatureSet(JobMessage message, JobContext context, WorkerPayload payload,
			JobResultRef featureSet, DiscoverySettings settings) {
		context.progress(0.05, "reading feature set " + featureSet.id());
		JobFailures.checkCancelled(message, context);
		FeatureSetReader.Features features = this.featureSets.read(featureSet);
		JobFailures.checkCancelled(message, context);
		context.progress(0.2, "discovering from the derivatives of feature set " + featureSet.id() + " on "
				+ features.fields() + " (" + features.field().grid().size() + " points after trimming)");
		DiscoveryResult result = Discovery.discoverFromDerivatives(features.field(), features.fields(), settings,
				features.source());
		Map<String, Object> metrics = new LinkedHashMap<>(result.metrics());
		metrics.put("derivativeSource", features.source());
		return new DiscoveryResult(result.equations(), metrics, result.provenance()).withInput("feature set "
				+ featureSet.id() + " (" + featureSet.location() + ") of data set " + payload.datasetId(),
				result.provenance().inputSha256());
	}

	/**
	 * The upstream feature set, if any: the first input whose result is of kind
	 * {@code feature-set}.
	 */
	static JobResultRef featureSet(WorkerPayload payload) {
		List<JobResultRef> featureSets = JobInput.resultsOfKind(payload.inputs(), JobResultRef.FEATURE_SET);
		return featureSets.isEmpty() ? null : featureSets.get(0);
	}

	private void publishResult(JobMessage message, UUID runId) {
		DiscoveryRun run = this.runs.find(runId).orElseThrow();
		ObjectNode summary = this.json.createObjectNode();
		List<String> texts = new ArrayList<>();
		for (DiscoveredEquation equation : run.equations()) {
			texts.add(equation.text());
		}
		summary.put("equation", String.join("; ", texts));
		summary.set("equations", this.json.valueToTree(texts));
		JsonNode r2 = (run.metrics() != null) ? run.metrics().path("equations") : null;
		if (r2 != null && r2.isObject()) {
			ObjectNode fits = summary.putObject("r2");
			r2.fields().forEachRemaining((e) -> fits.set(e.getKey(), e.getValue().path("r2")));
		}
		JobResultRef ref = new JobResultRef(JobResultRef.DISCOVERY_RUN, runId.toString(), null, summary);
		this.events.publish(JobResultRef.completedEvent(message, ref));
	}

	/** Ends a run that did not complete and records it, in one transaction. */
	private void finish(UUID runId, RunStatus status, String error) {
		this.transactions.executeWithoutResult((tx) -> {
			this.runs.finish(runId, status, error);
			AuditEvent.Builder event = AuditEvent.builder("discovery.run." + status.id(), RESOURCE).resourceId(runId);
			record((status == RunStatus.FAILED) ? event.failed(error) : event.reason(error));
		});
	}

	/** The worker's own work: actor {@code system}. */
	private void record(AuditEvent.Builder event) {
		this.audit.ifAvailable((recorder) -> recorder.record(event.system()));
	}

}
