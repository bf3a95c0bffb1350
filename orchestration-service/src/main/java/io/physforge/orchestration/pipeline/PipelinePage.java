package io.physforge.orchestration.pipeline;

import java.util.List;

import io.physforge.orchestration.job.PipelineView;

/**
 * One page of pipelines, newest first.
 *
 * @param items the pipelines (without their jobs)
 * @param page this page, from 0
 * @param size the page size asked for
 * @param totalItems how many pipelines there are
 * @param totalPages how many pages there are
 */
public record PipelinePage(List<PipelineView> items, int page, int size, long totalItems, int totalPages) {

}
