package io.physforge.pinntraining.model;

import java.util.List;

/**
 * One page of model checkpoints, newest first.
 *
 * @param items the checkpoints on this page
 * @param page this page, from 0
 * @param size the page size asked for
 * @param totalItems how many checkpoints the caller may see
 * @param totalPages how many pages there are
 */
public record ModelPage(List<ModelCheckpoint> items, int page, int size, long totalItems, int totalPages) {

}
