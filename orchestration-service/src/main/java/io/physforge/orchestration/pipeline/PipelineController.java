package io.physforge.orchestration.pipeline;

import java.net.URI;
import java.util.UUID;

import io.physforge.orchestration.job.PipelineView;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orchestration/pipelines}: submit, list, show, cancel.
 */
@RestController
@RequestMapping("/api/orchestration/pipelines")
public class PipelineController {

	private final PipelineService pipelines;

	public PipelineController(PipelineService pipelines) {
		this.pipelines = pipelines;
	}

	/**
	 * Submits a pipeline.
	 * @param request data set and steps
	 * @param authorization the caller's token, used to look the data set up
	 * @return 201 with the pipeline and its jobs
	 */
	@PostMapping
	public ResponseEntity<PipelineView> submit(@RequestBody PipelineRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		CurrentUser user = writer();
		PipelineView pipeline = this.pipelines.submit(user, request, authorization);
		return ResponseEntity.created(URI.create("/api/orchestration/pipelines/" + pipeline.id())).body(pipeline);
	}

	/**
	 * Lists the caller's pipelines (all for an ADMIN).
	 * @param page page from 0
	 * @param size page size, 1 to 100
	 * @return the page
	 */
	@GetMapping
	public PipelinePage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.pipelines.list(CurrentUser.get(), page, size);
	}

	/**
	 * Shows a pipeline with its jobs.
	 * @param id the pipeline id
	 * @return the pipeline
	 */
	@GetMapping("/{id}")
	public PipelineView show(@PathVariable UUID id) {
		return this.pipelines.show(CurrentUser.get(), id);
	}

	/**
	 * Cancels a pipeline.
	 * @param id the pipeline id
	 * @return the pipeline after
	 */
	@PostMapping("/{id}/cancel")
	public PipelineView cancel(@PathVariable UUID id) {
		CurrentUser user = writer();
		return this.pipelines.cancel(user, id);
	}

	private static CurrentUser writer() {
		CurrentUser user = CurrentUser.get();
		if (!user.canWrite()) {
			throw ProblemException.forbidden("forbidden",
					"Submitting and cancelling pipelines needs the RESEARCHER or ADMIN role; you have " + user.roles()
							+ ".");
		}
		return user;
	}

}
