package io.physforge.pinntraining.job;

import java.net.URI;
import java.util.UUID;

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
 * {@code /api/pinn/jobs}: submit, list, show, status, result and cancel PINN training
 * jobs. Another user's job answers 404 (an ADMIN sees all); submitting and cancelling
 * need the RESEARCHER or ADMIN role.
 */
@RestController
@RequestMapping("/api/pinn/jobs")
class TrainingJobController {

	private final TrainingJobs jobs;

	TrainingJobController(TrainingJobs jobs) {
		this.jobs = jobs;
	}

	/**
	 * Submits a training job on one of the caller's data sets.
	 * @param request data set and settings
	 * @param authorization the caller's token, used to look the data set up
	 * @return 202 with the queued job
	 */
	@PostMapping
	ResponseEntity<TrainingJob> submit(@RequestBody(required = false) SubmitRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		CurrentUser user = writer("Submitting training jobs");
		TrainingJob job = this.jobs.submit(user, request, authorization);
		return ResponseEntity.accepted().location(URI.create("/api/pinn/jobs/" + job.id())).body(job);
	}

	/**
	 * The caller's jobs (everyone's for an ADMIN), newest first.
	 * @param page page from 0
	 * @param size page size, 1 to 100
	 * @return the page
	 */
	@GetMapping
	JobPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.jobs.list(CurrentUser.get(), page, size);
	}

	/**
	 * One job.
	 * @param id the job id
	 * @return the job
	 */
	@GetMapping("/{id}")
	TrainingJob show(@PathVariable UUID id) {
		return this.jobs.show(CurrentUser.get(), id);
	}

	/**
	 * Where a job stands, with the last point of its loss curve.
	 * @param id the job id
	 * @return the status
	 */
	@GetMapping("/{id}/status")
	JobProgressView status(@PathVariable UUID id) {
		return JobProgressView.of(this.jobs.show(CurrentUser.get(), id));
	}

	/**
	 * What a completed job produced: losses, coefficients, model, loss curve.
	 * @param id the job id
	 * @return the result (409 until completed)
	 */
	@GetMapping("/{id}/result")
	JobResultView result(@PathVariable UUID id) {
		return this.jobs.result(CurrentUser.get(), id);
	}

	/**
	 * Cancels a queued or running job.
	 * @param id the job id
	 * @return 202 with the job after (a running job turns cancelled when its worker
	 * stops, within about a second)
	 */
	@PostMapping("/{id}/cancel")
	ResponseEntity<TrainingJob> cancel(@PathVariable UUID id) {
		CurrentUser user = writer("Cancelling training jobs");
		return ResponseEntity.accepted().body(this.jobs.cancel(user, id));
	}

	private static CurrentUser writer(String what) {
		CurrentUser user = CurrentUser.get();
		if (!user.canWrite()) {
			throw ProblemException.forbidden("forbidden",
					what + " needs the RESEARCHER or ADMIN role; you have " + user.roles() + ".");
		}
		return user;
	}

}
