package io.physforge.pinntraining.model;

import java.io.InputStream;
import java.util.UUID;

import io.physforge.pinntraining.job.internal.JobRepository;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.storage.ObjectNotFoundException;
import io.physforge.platform.storage.ObjectStorage;
import io.physforge.platform.web.Paging;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/pinn/models}: the caller's trained models (an ADMIN sees everyone's) and
 * their checkpoints; another user's model answers 404.
 */
@RestController
@RequestMapping("/api/pinn/models")
class ModelController {

	private final JobRepository jobs;

	private final ObjectStorage storage;

	ModelController(JobRepository jobs, ObjectStorage storage) {
		this.jobs = jobs;
		this.storage = storage;
	}

	/**
	 * The caller's models, newest first.
	 * @param page page from 0
	 * @param size page size, 1 to 100
	 * @return the page
	 */
	@GetMapping
	ModelPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		CurrentUser user = CurrentUser.get();
		String owner = user.isAdmin() ? null : user.id();
		long total = this.jobs.countModels(owner);
		return new ModelPage(this.jobs.models(owner, paging.offset(), paging.size()), page, size, total,
				paging.pages(total));
	}

	/**
	 * A model's metadata: architecture, metrics with the learned coefficients, location.
	 * @param id the model id
	 * @return the model
	 */
	@GetMapping("/{id}")
	ModelCheckpoint show(@PathVariable UUID id) {
		return accessible(id);
	}

	/**
	 * The checkpoint (pinn-engine's JSON, {@code PinnModel.load} reads it).
	 * @param id the model id
	 * @return the checkpoint as an attachment
	 */
	@GetMapping("/{id}/checkpoint")
	ResponseEntity<InputStreamResource> checkpoint(@PathVariable UUID id) {
		ModelCheckpoint model = accessible(id);
		InputStream in;
		try {
			in = this.storage.get(model.bucket(), model.objectKey());
		}
		catch (ObjectNotFoundException ex) {
			throw new ProblemException(HttpStatus.GONE, "pinn-checkpoint-missing", "Checkpoint missing",
					"The checkpoint of model " + id + " (" + model.location()
							+ ") is no longer in storage; train the model again.");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.contentLength(model.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("pinn-model-" + id + ".json").build().toString())
			.body(new InputStreamResource(in));
	}

	private ModelCheckpoint accessible(UUID id) {
		CurrentUser user = CurrentUser.get();
		return this.jobs.model(id)
			.filter((model) -> user.canAccess(model.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("pinn-model", id));
	}

}
