package io.physforge.platform.web;

import io.physforge.platform.problem.ProblemException;

/**
 * Checks {@code page}/{@code size} query parameters of a list endpoint (400 problems
 * {@code invalid-page} and {@code invalid-page-size}) and turns them into an offset.
 *
 * @param page the page, from 0
 * @param size the page size, 1 to {@link #MAX_SIZE}
 */
public record Paging(int page, int size) {

	/** The largest page. */
	public static final int MAX_SIZE = 100;

	/**
	 * @param page the page asked for
	 * @param size the size asked for
	 * @return the paging
	 * @throws ProblemException 400 when out of range
	 */
	public static Paging of(int page, int size) {
		if (page < 0) {
			throw ProblemException.badRequest("invalid-page", "page must be 0 or more, was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ProblemException.badRequest("invalid-page-size",
					"size must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		return new Paging(page, size);
	}

	/**
	 * @return rows to skip
	 */
	public long offset() {
		return (long) this.page * this.size;
	}

	/**
	 * @param total number of items
	 * @return number of pages of this size
	 */
	public int pages(long total) {
		return (int) ((total + this.size - 1) / this.size);
	}

}
