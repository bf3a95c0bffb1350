package io.physforge.derivative.featureset;

import java.util.List;

/**
 * A page of feature sets, newest first.
 *
 * @param items the feature sets
 * @param page the page, from 0
 * @param size the page size
 * @param totalItems how many there are
 * @param totalPages how many pages of this size
 */
public record FeatureSetPage(List<FeatureSet> items, int page, int size, long totalItems, int totalPages) {

}
