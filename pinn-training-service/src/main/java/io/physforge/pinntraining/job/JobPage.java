package io.physforge.pinntraining.job;

import java.util.List;

/**
 * One page of training jobs, newest first.
 *
 * @param items the jobs on this page
 * @param page this page, from 0
 * @param size the page size asked for
 * @param totalItems how many jobs the caller may see
 * @param totalPages how many pages there are
 */
public record JobPage(List<TrainingJob> items, int page, int size, long totalItems, int totalPages) {

}
