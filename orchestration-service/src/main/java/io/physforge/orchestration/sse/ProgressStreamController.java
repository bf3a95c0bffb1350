package io.physforge.orchestration.sse;

import java.util.UUID;

import io.physforge.orchestration.job.PipelineRow;
import io.physforge.orchestration.job.PipelineView;
import io.physforge.orchestration.pipeline.PipelineService;
import io.physforge.platform.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent-event streams of progress.
 * <ul>
 * <li>{@code GET /api/orchestration/pipelines/{id}/events}: first a {@code snapshot}
 * event (the pipeline with its jobs), then a {@code job} event for each change of a job's
 * status or progress and a {@code pipeline} event for each change of the pipeline's
 * status; the stream ends after the {@code pipeline} event of a completed, failed or
 * cancelled pipeline (at once after the snapshot when it had already ended).</li>
 * <li>{@code GET /api/orchestration/events}: {@code job} and {@code pipeline} events of
 * all the caller's pipelines (also an ADMIN's own only), until the client leaves; it
 * opens with a comment line.</li>
 * </ul>
 * Event data is JSON: a {@code JobView} for {@code job}, a {@code PipelineView} (without
 * jobs) for {@code pipeline}, a {@code PipelineView} with jobs for {@code snapshot}.
 */
@RestController
public class ProgressStreamController {

	private final ProgressHub hub;

	private final PipelineService pipelines;

	public ProgressStreamController(ProgressHub hub, PipelineService pipelines) {
		this.hub = hub;
		this.pipelines = pipelines;
	}

	/**
	 * The stream of one pipeline.
	 * @param id the pipeline id
	 * @return the stream
	 */
	@GetMapping(path = "/api/orchestration/pipelines/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter pipeline(@PathVariable UUID id) {
		CurrentUser user = CurrentUser.get();
		this.pipelines.accessible(user, id);
		ProgressHub.Subscriber subscriber = this.hub.watchPipeline(id);
		PipelineRow pipeline = this.pipelines.accessible(user, id);
		PipelineView view = this.pipelines.view(pipeline);
		subscriber.send("snapshot", view, pipeline.status().terminal());
		return subscriber.emitter();
	}

	/**
	 * The stream of all the caller's pipelines.
	 * @return the stream
	 */
	@GetMapping(path = "/api/orchestration/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter mine() {
		CurrentUser user = CurrentUser.get();
		ProgressHub.Subscriber subscriber = this.hub.watchOwner(user.id());
		subscriber.comment("pipelines of " + user.id());
		return subscriber.emitter();
	}

}
