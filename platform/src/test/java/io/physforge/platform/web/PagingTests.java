package io.physforge.platform.web;

import io.physforge.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Paging}: the checks and the arithmetic of a list endpoint's pages.
 */
class PagingTests {

	@Test
	void offsetsAndPageCounts() {
		Paging paging = Paging.of(3, 20);
		assertThat(paging.offset()).isEqualTo(60);
		assertThat(paging.pages(0)).isZero();
		assertThat(paging.pages(20)).isEqualTo(1);
		assertThat(paging.pages(21)).isEqualTo(2);
		assertThat(Paging.of(Paging.MAX_PAGE, Paging.MAX_SIZE).offset()).isLessThanOrEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void outOfRangeIsABadRequest() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Paging.of(-1, 20))
			.withMessageContaining("page must be between 0 and " + Paging.MAX_PAGE + ", was -1");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Paging.of(Integer.MAX_VALUE, 20))
			.withMessageContaining("was 2147483647");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Paging.of(0, 0))
			.withMessageContaining("size must be between 1 and 100, was 0");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Paging.of(0, 101))
			.withMessageContaining("was 101");
	}

}
