package io.physforge.platform.web;

import java.util.List;

import io.physforge.platform.problem.ProblemException;
import io.physforge.platform.problem.Problems.FieldError;

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
	 * The last page any list serves: {@code page * size} stays an {@code int} for every
	 * size up to {@link #MAX_SIZE}.
	 */
	public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

	/**
	 * @param page the page asked for
	 * @param size the size asked for
	 * @return the paging
	 * @throws ProblemException 400 when out of range
	 */
	public static Paging of(int page, int size) {
		if (page < 0 || page > MAX_PAGE) {
			throw invalidPage(Integer.toString(page));
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ProblemException.badRequest("invalid-page-size",
					"size must be between 1 and " + MAX_SIZE + ", was " + size);
		}
		return new Paging(page, size);
	}

	/**
	 * The 400 problem of a page outside 0 to {@link #MAX_PAGE}.
	 * @param page the page asked for, as sent
	 * @return the problem, slug {@code invalid-page}, with {@code errors},
	 * {@code minPage} and {@code maxPage}
	 */
	public static ProblemException invalidPage(String page) {
		String message = "must be between 0 and " + MAX_PAGE + ", was " + page;
		return ProblemException.badRequest("invalid-page", "page " + message + ".")
			.with("errors", List.of(new FieldError("page", message)))
			.with("minPage", 0)
			.with("maxPage", MAX_PAGE);
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
