package io.physforge.orchestration.job;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Turns rows into views.
 */
@Component
public class JobViews {

	private final ObjectMapper json;

	public JobViews(ObjectMapper json) {
		this.json = json;
	}

	public JobView job(JobRow job) {
		return new JobView(job.id(), job.pipelineId(), job.stepId(), job.type(), job.dependsOn(), parse(job.params()),
				job.status().id(), job.progress(), job.progressMessage(), job.attempts(), job.maxAttempts(),
				job.timeoutSeconds(), parse(job.result()), job.error(), job.republished(), job.createdAt(),
				job.enqueuedAt(), job.publishedAt(), job.startedAt(), job.finishedAt());
	}

	public PipelineView pipeline(PipelineRow pipeline, List<JobRow> jobs, boolean withJobs) {
		int progress = jobs.isEmpty() ? 0
				: (int) Math.round(jobs.stream().mapToInt(JobRow::progress).average().orElse(0));
		return new PipelineView(pipeline.id(), pipeline.ownerId(), pipeline.datasetId(), pipeline.status().id(),
				progress, pipeline.error(), pipeline.createdAt(), pipeline.startedAt(), pipeline.finishedAt(),
				withJobs ? jobs.stream().map(this::job).toList() : null);
	}

	JsonNode parse(String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored JSON is invalid: " + text, ex);
		}
	}

}
