package io.physforge.orchestration.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored job.
 *
 * @param id its id
 * @param pipelineId its pipeline
 * @param stepId its step id
 * @param position the step's index in the request
 * @param type the step type
 * @param queue the queue it is published to
 * @param params the step parameters as JSON
 * @param dependsOn step ids it waits for
 * @param status its status
 * @param progress 0 to 100
 * @param progressMessage last progress text, may be {@code null}
 * @param attempts attempts started so far
 * @param maxAttempts attempts allowed
 * @param timeoutSeconds how long one attempt may run
 * @param result the result reference JSON, may be {@code null}
 * @param error the last error, may be {@code null}
 * @param republished times re-published after its stream message went missing
 * @param createdAt when created
 * @param enqueuedAt when the current attempt was handed to the outbox
 * @param publishedAt when the current attempt was published to Redis
 * @param startedAt when the current attempt started running
 * @param finishedAt when it ended
 */
public record JobRow(UUID id, UUID pipelineId, String stepId, int position, String type, String queue, String params,
		List<String> dependsOn, JobStatus status, int progress, String progressMessage, int attempts, int maxAttempts,
		long timeoutSeconds, String result, String error, int republished, Instant createdAt, Instant enqueuedAt,
		Instant publishedAt, Instant startedAt, Instant finishedAt) {

}
