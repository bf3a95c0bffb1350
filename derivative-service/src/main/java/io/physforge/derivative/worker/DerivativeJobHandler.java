package io.physforge.derivative.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.physforge.core.field.Field;
import io.physforge.derivative.feature.FeatureComputer;
import io.physforge.derivative.feature.FeatureComputer.Features;
import io.physforge.derivative.feature.FeatureSpec;
import io.physforge.derivative.featureset.FeatureSet;
import io.physforge.derivative.featureset.FeatureSetFiles;
import io.physforge.derivative.featureset.FeatureSetFiles.Stored;
import io.physforge.derivative.featureset.FeatureSetService;
import io.physforge.derivative.featureset.internal.FeatureSetRepository;
import io.physforge.derivative.featureset.internal.FeatureSetRepository.Claim;
import io.physforge.derivative.featureset.internal.FeatureSetRepository.JobKey;
import io.physforge.derivative.featureset.internal.FeatureSetRepository.NewFeatureSet;
import io.physforge.derivative.model.ModelLoader;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.problem.Problems.FieldError;
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
 * Runs one {@code derivatives} job: reads the payload and its {@code params}
 * ({@link FeatureSpec}), makes (or resumes) the job's feature set, reads the data set's
 * canonical form (and for method {@code pinn} the checkpoint of the upstream
 * {@code pinn-model} input), computes the features, stores the NPZ in bucket
 * {@code artifacts} and publishes a {@code completed} event whose message is a
 * {@code feature-set} {@link JobResultRef}; its summary carries {@code fields},
 * {@code names}, {@code shape} and the per-axis {@code trim} that discovery drops.
 * <p>
 * Idempotent per job id: a delivery of a job whose feature set completed stores nothing
 * and publishes the same reference again; of two concurrent deliveries the second to
 * finish deletes its own object. An object stored before a failure is deleted, so a
 * failed job leaves none. Bad input (invalid params, an unreadable data set or
 * checkpoint, a {@code pinn} method without a {@code pinn-model} input) is a
 * {@link PermanentJobFailure}.
 */
@Component
public class DerivativeJobHandler implements JobHandler {

	private static final Logger logger = LoggerFactory.getLogger(DerivativeJobHandler.class);

	private final FeatureSetRepository repository;

	private final FeatureSetFiles files;

	private final CanonicalDataSetReader reader;

	private final ModelLoader models;

	private final JobEvents events;

	private final JobQueue queue;

	private final ObjectMapper json;

	private final ObjectProvider<AuditRecorder> audit;

	private final TransactionOperations transactions;

	public DerivativeJobHandler(FeatureSetRepository repository, FeatureSetFiles files, CanonicalDataSetReader reader,
			ModelLoader models, JobEvents events, JobQueue queue, ObjectMapper json,
			ObjectProvider<AuditRecorder> audit, TransactionOperations transactions) {
		this.transactions = transactions;
		this.repository = repository;
		this.files = files;
		this.reader = reader;
		this.models = models;
		this.events = events;
		this.queue = queue;
		this.json = json;
		this.audit = audit;
	}

	@Override
	public void handle(JobMessage message, JobContext context) throws Exception {
		WorkerPayload payload = WorkerPayload.read(this.json, message, "a derivatives job", "feature set");
		List<FieldError> errors = new ArrayList<>();
		FeatureSpec spec = FeatureSpec.parse(payload.params(), Set.of(), errors);
		String modelLocation = null;
		String modelId = null;
		if (spec != null && spec.modelLocation() != null) {
			errors.add(new FieldError("modelLocation", "is not accepted in a pipeline: the model comes from the "
					+ "upstream pinn step (an input of kind " + JobResultRef.PINN_MODEL + ")"));
		}
		else if (spec != null && spec.pinn()) {
			JobResultRef model = model(payload, spec, errors);
			if (model != null) {
				modelLocation = model.location();
				modelId = model.id();
			}
		}
		String objectKey = CanonicalDataSetReader.objectKey(payload.datasetObjectKey(), payload.inputs());
		Object recorded = (spec != null) ? spec.asMap() : (payload.params() != null) ? payload.params() : Map.of();
		String method = (spec != null) ? spec.method() : "invalid";
		Claim claim = this.repository.claim(
				new JobKey(message.jobId(), message.idempotencyKey(), payload.pipelineId(), payload.stepId()),
				new NewFeatureSet(payload.ownerId(), payload.datasetId(), objectKey, method, recorded, modelId,
						modelLocation));
		if (claim.alreadyCompleted()) {
			logger.info("Job {} already has completed feature set {}; publishing its result again", message.jobId(),
					claim.id());
			publishResult(message, claim.id());
			return;
		}
		UUID id = claim.id();
		Stored stored = null;
		try {
			if (!errors.isEmpty()) {
				throw new IllegalArgumentException("invalid derivatives params: "
						+ String.join("; ", errors.stream().map((e) -> e.field() + " " + e.message()).toList()));
			}
			context.progress(0.05, "reading the data set");
			JobFailures.checkCancelled(message, context);
			Field data = this.reader.read(payload.datasetId(), objectKey);
			JobFailures.checkCancelled(message, context);
			Features features;
			if (spec.pinn()) {
				context.progress(0.2,
						"evaluating the PINN surrogate " + modelLocation + " on " + data.grid().size() + " points");
				features = FeatureComputer.pinn(data, spec, this.models.load(modelLocation));
			}
			else {
				context.progress(0.2,
						"differentiating with " + spec.method() + " on " + data.grid().size() + " points");
				features = FeatureComputer.numerical(data, spec);
			}
			JobFailures.checkCancelled(message, context);
			context.progress(0.8, "storing " + features.names().size() + " arrays");
			stored = this.files.store(features.field());
			JobFailures.checkCancelled(message, context);
			Features computed = features;
			Stored written = stored;
			boolean completed = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
				boolean done = this.repository.complete(id, computed, written);
				if (done) {
					record(AuditEvent.builder("feature-set.create", FeatureSetService.RESOURCE)
						.resourceId(id)
						.details(Map.of("jobId", message.jobId(), "ownerId", payload.ownerId())));
				}
				return done;
			}));
			if (!completed) {
				logger.info("Feature set {} of job {} was completed by another delivery; deleting this one's object",
						id, message.jobId());
				this.files.delete(stored.key());
			}
			stored = null;
			publishResult(message, id);
		}
		catch (JobCancelledException ex) {
			deleteQuietly(stored);
			if (this.queue.isCancelled(message.jobId())) {
				finish(id, JobFailures.CANCELLED, "cancelled");
			}
			throw ex;
		}
		catch (Exception | LinkageError ex) {
			deleteQuietly(stored);
			JobFailures.record(this.queue, message, context, ex, (status, error) -> finish(id, status, error), () -> {
			});
			throw ex;
		}
	}

	/**
	 * The upstream model of method {@code pinn}: the {@code pinn-model} input whose id is
	 * the spec's model id, or the only one.
	 */
	private static JobResultRef model(WorkerPayload payload, FeatureSpec spec, List<FieldError> errors) {
		List<JobResultRef> models = JobInput.resultsOfKind(payload.inputs(), JobResultRef.PINN_MODEL);
		List<JobResultRef> matching = models.stream()
			.filter((m) -> spec.modelId() == null || spec.modelId().equals(m.id()))
			.toList();
		if (matching.size() != 1) {
			String found = models.isEmpty() ? "it has none"
					: "it has " + models.stream().map(JobResultRef::id).toList();
			errors.add(new FieldError("method",
					(matching.isEmpty() ? "needs" : "is ambiguous among")
							+ " the model of an upstream pinn step (an input of kind " + JobResultRef.PINN_MODEL
							+ ((spec.modelId() != null) ? " with id " + spec.modelId() : "") + "); " + found
							+ ". Put a pinn step before this one (dependsOn), or name its model as pinn:<model id>"));
			return null;
		}
		JobResultRef model = matching.get(0);
		if (model.location() == null || !model.location().startsWith(ModelLoader.PREFIX)) {
			errors.add(new FieldError("method", "the upstream model " + model.id() + " has location " + model.location()
					+ ", not a checkpoint in bucket models (" + ModelLoader.PREFIX + "<key>)"));
			return null;
		}
		return model;
	}

	private void publishResult(JobMessage message, UUID id) {
		FeatureSet featureSet = this.repository.find(id).orElseThrow();
		ObjectNode summary = this.json.createObjectNode();
		if (featureSet.datasetId() != null) {
			summary.put("datasetId", featureSet.datasetId().toString());
		}
		summary.put("method", featureSet.method());
		if (featureSet.modelId() != null) {
			summary.put("modelId", featureSet.modelId());
		}
		summary.set("fields", this.json.valueToTree(featureSet.fields()));
		summary.set("names", this.json.valueToTree(featureSet.names()));
		summary.set("shape", featureSet.shape());
		summary.set("trim", featureSet.trim());
		summary.put("sizeBytes", featureSet.sizeBytes());
		summary.put("sha256", featureSet.sha256());
		JobResultRef ref = new JobResultRef(JobResultRef.FEATURE_SET, id.toString(), featureSet.location(), summary);
		this.events.publish(JobResultRef.completedEvent(message, ref));
	}

	private void deleteQuietly(Stored stored) {
		if (stored == null) {
			return;
		}
		try {
			this.files.delete(stored.key());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete object {}/{} of a failed job: {}", FeatureSet.BUCKET, stored.key(),
					ex.getMessage());
		}
	}

	/** Ends a feature set that was not computed and records it, in one transaction. */
	private void finish(UUID id, String status, String error) {
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.finish(id, status, error);
			AuditEvent.Builder event = AuditEvent.builder("feature-set." + status, FeatureSetService.RESOURCE)
				.resourceId(id);
			record(JobFailures.FAILED.equals(status) ? event.failed(error) : event.reason(error));
		});
	}

	/** The worker's own work: actor {@code system}. */
	private void record(AuditEvent.Builder event) {
		this.audit.ifAvailable((recorder) -> recorder.record(event.system()));
	}

}
