package io.physforge.derivative.featureset;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.core.field.Field;
import io.physforge.derivative.feature.FeatureComputer.Features;
import io.physforge.derivative.feature.FeatureComputer;
import io.physforge.derivative.feature.FeatureSpec;
import io.physforge.derivative.feature.InvalidFeatureSpecException;
import io.physforge.derivative.featureset.FeatureSetFiles.Stored;
import io.physforge.derivative.featureset.internal.FeatureSetRepository.NewFeatureSet;
import io.physforge.derivative.featureset.internal.FeatureSetRepository;
import io.physforge.derivative.model.ModelLoader;
import io.physforge.platform.audit.AuditEvent;
import io.physforge.platform.audit.AuditRecorder;
import io.physforge.platform.dataset.CanonicalDataSetReader;
import io.physforge.platform.dataset.DataSetClient;
import io.physforge.platform.dataset.DataSetRef;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.problem.Problems.FieldError;
import io.physforge.platform.problem.Problems;
import io.physforge.platform.security.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The REST side of feature sets. A request is checked field by field, its data set looked
 * up in data-service with the caller's token, the feature set computed in the request,
 * stored in bucket {@code artifacts} and only then recorded: a failed request stores
 * nothing (an object whose row cannot be written is deleted again).
 * <p>
 * Method {@code pinn} by REST: this service does not read pinn-training-service's tables,
 * so it only knows a model through a pipeline that handed it over (the upstream
 * {@code pinn} step's result). {@code pinn:<model id>} or {@code pinn} with
 * {@code modelLocation} is accepted when one of the caller's pipeline feature sets was
 * computed from that model (any for an ADMIN); anything else is refused naming the fix.
 */
@Service
public class FeatureSetService {

	/** Resource type of feature sets in audit events. */
	public static final String RESOURCE = "feature-set";

	private static final Set<String> REQUEST_MEMBERS = Set.of("datasetId");

	private final FeatureSetRepository repository;

	private final FeatureSetFiles files;

	private final DataSetClient dataSets;

	private final CanonicalDataSetReader reader;

	private final ModelLoader models;

	private final ObjectProvider<AuditRecorder> audit;

	private final TransactionOperations transactions;

	public FeatureSetService(FeatureSetRepository repository, FeatureSetFiles files, DataSetClient dataSets,
			CanonicalDataSetReader reader, ModelLoader models, ObjectProvider<AuditRecorder> audit,
			TransactionOperations transactions) {
		this.transactions = transactions;
		this.repository = repository;
		this.files = files;
		this.dataSets = dataSets;
		this.reader = reader;
		this.models = models;
		this.audit = audit;
	}

	/**
	 * Computes and stores a feature set.
	 * @param user the caller (the owner)
	 * @param body the request: {@code datasetId} and the members of {@link FeatureSpec}
	 * @param authorization the caller's {@code Authorization} header, forwarded to
	 * data-service
	 * @return the stored feature set
	 * @throws ProblemException 400 listing every offending field, 403 for a VIEWER, 404
	 * when the data set is not the caller's
	 */
	public FeatureSet create(CurrentUser user, JsonNode body, String authorization) {
		requireWriter(user);
		List<FieldError> errors = new ArrayList<>();
		if (body == null || !body.isObject()) {
			throw validation(List
				.of(new FieldError("body", "must be a JSON object such as {\"datasetId\":\"...\",\"method\":\"fd\"}")));
		}
		UUID datasetId = null;
		JsonNode id = body.get("datasetId");
		if (id == null || id.isNull()) {
			errors.add(new FieldError("datasetId", "is required: the id of one of your data sets"));
		}
		else {
			try {
				datasetId = UUID.fromString(id.asText());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("datasetId", "must be a data set id (UUID), got " + id));
			}
		}
		FeatureSpec spec = FeatureSpec.parse(body, REQUEST_MEMBERS, errors);
		String modelLocation = null;
		if (spec != null && spec.pinn()) {
			modelLocation = modelLocation(user, spec, errors);
		}
		if (!errors.isEmpty()) {
			throw validation(errors);
		}
		DataSetRef dataSet = this.dataSets.require(datasetId, authorization);
		Field data = this.reader.read(datasetId, dataSet.canonical().key());
		Features features;
		try {
			features = spec.pinn() ? FeatureComputer.pinn(data, spec, this.models.load(modelLocation))
					: FeatureComputer.numerical(data, spec);
		}
		catch (InvalidFeatureSpecException ex) {
			throw validation(ex.errors());
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.badRequest("feature-set-not-computable",
					"The feature set of data set " + datasetId + " cannot be computed: " + ex.getMessage());
		}
		Stored stored = this.files.store(features.field());
		UUID featureSetId;
		try {
			NewFeatureSet row = new NewFeatureSet(user.id(), datasetId, dataSet.canonical().key(), spec.method(),
					spec.asMap(), spec.modelId(), modelLocation);
			Features computed = features;
			Map<String, Object> details = Map.of("datasetId", row.datasetId().toString(), "method",
					String.valueOf(row.method()));
			featureSetId = this.transactions.execute((tx) -> {
				UUID inserted = this.repository.insertCompleted(row, computed, stored);
				record(AuditEvent.builder("feature-set.create", RESOURCE).resourceId(inserted).details(details));
				return inserted;
			});
		}
		catch (RuntimeException ex) {
			this.files.delete(stored.key());
			throw ex;
		}
		return this.repository.find(featureSetId).orElseThrow();
	}

	/**
	 * @param user the caller
	 * @param id a feature set id
	 * @return the feature set
	 * @throws ProblemException 404 if it does not exist or is not the caller's
	 */
	public FeatureSet show(CurrentUser user, UUID id) {
		return this.repository.find(id)
			.filter((featureSet) -> user.canAccess(featureSet.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("feature-set", id));
	}

	/**
	 * @param user the caller
	 * @param page the page, from 0
	 * @param size its size, 1 to 100
	 * @return the caller's feature sets (everyone's for an ADMIN), newest first
	 */
	public FeatureSetPage list(CurrentUser user, int page, int size) {
		List<FieldError> errors = new ArrayList<>();
		if (page < 0) {
			errors.add(new FieldError("page", "must be >= 0, was " + page));
		}
		if (size < 1 || size > 100) {
			errors.add(new FieldError("size", "must be between 1 and 100, was " + size));
		}
		if (!errors.isEmpty()) {
			throw validation(errors);
		}
		String owner = user.isAdmin() ? null : user.id();
		long total = this.repository.count(owner);
		return new FeatureSetPage(this.repository.list(owner, (long) page * size, size), page, size, total,
				(int) ((total + size - 1) / size));
	}

	/**
	 * Opens a completed feature set's NPZ.
	 * @param user the caller
	 * @param id the feature set id
	 * @return the feature set and its bytes (the caller closes them)
	 * @throws ProblemException 404 if not the caller's, 409 if not completed
	 */
	public Download open(CurrentUser user, UUID id) {
		FeatureSet featureSet = show(user, id);
		if (!"completed".equals(featureSet.status()) || featureSet.objectKey() == null) {
			throw ProblemException.conflict("feature-set-not-completed", "Feature set " + id + " is "
					+ featureSet.status() + ", so it has no file to download; wait for it to complete.");
		}
		return new Download(featureSet, this.files.open(featureSet.objectKey()));
	}

	/**
	 * Deletes a feature set: its object, then its row.
	 * @param user the caller (owner or ADMIN, not a VIEWER)
	 * @param id the feature set id
	 * @throws ProblemException 404 if not the caller's, 403 for a VIEWER, 409 while its
	 * job runs
	 */
	public void delete(CurrentUser user, UUID id) {
		FeatureSet featureSet = show(user, id);
		requireWriter(user);
		if ("running".equals(featureSet.status())) {
			throw ProblemException.conflict("feature-set-running", "Feature set " + id + " is being computed by job "
					+ featureSet.jobId() + "; cancel the pipeline or wait, then delete.");
		}
		if (featureSet.objectKey() != null) {
			this.files.delete(featureSet.objectKey());
		}
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.delete(id);
			record(AuditEvent.builder("feature-set.delete", RESOURCE).resourceId(id));
		});
	}

	private void record(AuditEvent.Builder event) {
		this.audit.ifAvailable((recorder) -> recorder.record(event));
	}

	private String modelLocation(CurrentUser user, FeatureSpec spec, List<FieldError> errors) {
		String owner = user.isAdmin() ? null : user.id();
		if (spec.modelLocation() != null) {
			if (this.repository.pipelineModel(owner, spec.modelId(), spec.modelLocation()).isPresent()) {
				return spec.modelLocation();
			}
			errors.add(new FieldError("modelLocation",
					"model " + spec.modelLocation()
							+ " was not handed to derivative-service by one of your pipelines; run a pipeline "
							+ "pinn -> derivatives on it first (derivative-service knows models only from pipelines)"));
			return null;
		}
		if (spec.modelId() != null) {
			return this.repository.pipelineModel(owner, spec.modelId(), null).orElseGet(() -> {
				errors.add(new FieldError("method", "model " + spec.modelId()
						+ " is not known to derivative-service for you; run a pipeline pinn -> derivatives on it "
						+ "first (derivative-service knows models only from pipelines)"));
				return null;
			});
		}
		errors.add(new FieldError("method", "'pinn' by REST needs a model: use pinn:<model id> or give "
				+ "modelLocation (s3://models/<key>) of a model one of your pipelines trained"));
		return null;
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.canWrite()) {
			throw ProblemException.forbidden("forbidden",
					"Requesting and deleting feature sets needs the RESEARCHER or ADMIN role; you have " + user.roles()
							+ ".");
		}
	}

	private static ProblemException validation(List<FieldError> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				Problems.validation(errors).getDetail())
			.with("errors", errors);
	}

	/**
	 * A feature set's NPZ, open for reading.
	 *
	 * @param featureSet its metadata
	 * @param content its bytes
	 */
	public record Download(FeatureSet featureSet, InputStream content) {

	}

}
