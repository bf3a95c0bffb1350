package io.physforge.data.preview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DownsamplingTests {

	@Test
	void smallArraysAreKeptWhole() {
		assertThat(Downsampling.strides(new int[] { 101, 256 }, 101 * 256)).containsExactly(1, 1);
		assertThat(Downsampling.strides(new int[] { 7 }, 100)).containsExactly(1);
	}

	@Test
	void largeArraysAreThinnedEvenlyToAtMostMaxPoints() {
		for (int max : new int[] { 1, 10, 1000, 5000, 20000 }) {
			int[] sizes = { 101, 256 };
			int[] strides = Downsampling.strides(sizes, max);
			long kept = Downsampling.kept(sizes, strides);
			assertThat(kept).as("max %d", max).isLessThanOrEqualTo(max);
			// not thinned more than needed: one less stride on either axis would exceed
			for (int axis = 0; axis < 2; axis++) {
				if (strides[axis] > 1) {
					int[] finer = strides.clone();
					finer[axis]--;
					assertThat(Downsampling.kept(sizes, finer) > max || kept * 2 >= max).as("max %d", max).isTrue();
				}
			}
		}
		int[] oneD = Downsampling.strides(new int[] { 1_000_000 }, 1000);
		assertThat(oneD).containsExactly(1000);
	}

}
