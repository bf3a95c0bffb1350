package io.physforge.orchestration.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored pipeline.
 *
 * @param id its id
 * @param ownerId the owner's user id (JWT subject)
 * @param datasetId the data set
 * @param status its status
 * @param error why it failed or was cancelled, may be {@code null}
 * @param createdAt when submitted
 * @param startedAt when a first job ran, may be {@code null}
 * @param finishedAt when it ended, may be {@code null}
 * @param updatedAt last change
 * @param canonicalKey storage key of the data set's canonical form (bucket
 * {@code datasets}), {@code null} for pipelines stored before it was recorded
 * @param canonicalFormat its format ({@code NPZ}, {@code HDF5}), may be {@code null}
 */
public record PipelineRow(UUID id, String ownerId, UUID datasetId, JobStatus status, String error, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant updatedAt, String canonicalKey, String canonicalFormat) {

}
