package io.physforge.audit.api;

import java.util.List;

import io.physforge.platform.web.Paging;

/**
 * One page of a listing, newest first.
 *
 * @param <T> the item type
 * @param items the items on this page
 * @param page page number, from 0
 * @param size page size asked for
 * @param totalItems items matching the filter
 * @param totalPages pages of this size
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	static <T> Page<T> of(List<T> items, Paging paging, long total) {
		return new Page<>(items, paging.page(), paging.size(), total, paging.pages(total));
	}

}
