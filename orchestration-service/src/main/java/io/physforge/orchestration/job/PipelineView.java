package io.physforge.orchestration.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A pipeline as the API and the event streams show it.
 *
 * @param id the pipeline id
 * @param ownerId its owner (JWT subject)
 * @param datasetId its data set
 * @param status {@code queued}, {@code running}, {@code completed}, {@code failed} or
 * {@code cancelled}
 * @param progress mean progress of its jobs, 0 to 100
 * @param error why it failed or was cancelled
 * @param createdAt when submitted
 * @param startedAt when a first job ran
 * @param finishedAt when it ended
 * @param jobs its jobs in step order (left out of list pages)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineView(UUID id, String ownerId, UUID datasetId, String status, int progress, String error,
		Instant createdAt, Instant startedAt, Instant finishedAt, List<JobView> jobs) {

}
