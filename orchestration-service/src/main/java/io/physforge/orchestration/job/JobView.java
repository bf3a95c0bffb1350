package io.physforge.orchestration.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.physforge.platform.queue.JobResultRef;

/**
 * A job as the API and the event streams show it.
 *
 * @param id the job id
 * @param pipelineId its pipeline
 * @param stepId its step id
 * @param type its step type
 * @param dependsOn step ids it waits for
 * @param params its parameters
 * @param status {@code queued}, {@code running}, {@code completed}, {@code failed} or
 * {@code cancelled}
 * @param progress 0 to 100
 * @param progressMessage the worker's last progress text
 * @param attempts attempts started
 * @param maxAttempts attempts allowed
 * @param timeoutSeconds how long one attempt may run
 * @param result the result reference ({@link JobResultRef}) once completed
 * @param error the last error
 * @param republished times re-published after Redis lost its message
 * @param createdAt when created
 * @param enqueuedAt when its current attempt was queued ({@code null}: waiting for
 * upstream jobs)
 * @param publishedAt when its current attempt reached Redis
 * @param startedAt when its current attempt started running
 * @param finishedAt when it ended
 */
public record JobView(UUID id, UUID pipelineId, String stepId, String type, List<String> dependsOn, JsonNode params,
		String status, int progress, String progressMessage, int attempts, int maxAttempts, long timeoutSeconds,
		JsonNode result, String error, int republished, Instant createdAt, Instant enqueuedAt, Instant publishedAt,
		Instant startedAt, Instant finishedAt) {

}
