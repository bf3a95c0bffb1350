package io.physforge.discovery.run;

import java.util.List;
import java.util.UUID;

import io.physforge.discovery.run.internal.RunRepository;
import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.security.CurrentUser;
import io.physforge.platform.web.Paging;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/discovery/runs}: the caller's discovery runs (an ADMIN sees everyone's);
 * another user's run answers 404.
 */
@RestController
@RequestMapping("/api/discovery/runs")
public class DiscoveryRunController {

	private final RunRepository runs;

	public DiscoveryRunController(RunRepository runs) {
		this.runs = runs;
	}

	/**
	 * The caller's runs, newest first, with their equations.
	 * @param page page from 0
	 * @param size page size, 1 to 100
	 * @return the page
	 */
	@GetMapping
	public RunPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		String owner = ownerFilter(CurrentUser.get());
		long total = this.runs.count(owner);
		return new RunPage(this.runs.list(owner, paging.offset(), paging.size()), page, size, total,
				paging.pages(total));
	}

	/**
	 * One run with its equations, metrics and provenance.
	 * @param id the run id
	 * @return the run
	 */
	@GetMapping("/{id}")
	public DiscoveryRun show(@PathVariable UUID id) {
		CurrentUser user = CurrentUser.get();
		return this.runs.find(id)
			.filter((run) -> user.canAccess(run.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("discovery-run", id));
	}

	/**
	 * The runs of a pipeline, oldest first (what
	 * {@code physforge equations show PIPELINE} prints).
	 * @param pipelineId the pipeline id
	 * @return the runs
	 */
	@GetMapping("/by-pipeline/{pipelineId}")
	public List<DiscoveryRun> byPipeline(@PathVariable UUID pipelineId) {
		List<DiscoveryRun> found = this.runs.byPipeline(pipelineId, ownerFilter(CurrentUser.get()));
		if (found.isEmpty()) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "discovery-run-not-found", "Discovery run not found",
					"No discovery runs of pipeline " + pipelineId
							+ " exist (has its discovery step run yet?), or the pipeline is not yours.");
		}
		return found;
	}

	static String ownerFilter(CurrentUser user) {
		return user.isAdmin() ? null : user.id();
	}

}
