package io.physforge.orchestration.sse;

import java.util.UUID;

/**
 * One change to push to the streams that watch a pipeline.
 *
 * @param pipelineId the pipeline
 * @param ownerId its owner
 * @param name the SSE event name: {@code job} (a job's status or progress changed) or
 * {@code pipeline} (the pipeline's status changed)
 * @param data the event data, written as JSON
 * @param last whether the pipeline ended with it (its stream closes after it)
 */
public record ProgressEvent(UUID pipelineId, String ownerId, String name, Object data, boolean last) {

}
