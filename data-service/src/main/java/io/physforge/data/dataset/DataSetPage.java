package io.physforge.data.dataset;

import java.util.List;

/**
 * One page of a data set listing, newest first.
 *
 * @param items the data sets on this page
 * @param page page number, from 0
 * @param size page size asked for
 * @param totalItems data sets matching the filter
 * @param totalPages pages of this size
 */
public record DataSetPage(List<DataSet> items, int page, int size, long totalItems, int totalPages) {

}
