package io.physforge.core.io.internal;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Layouts#permute} against a naive index-by-index reference. */
class LayoutsTest {

	@Test
	void permuteMatchesNaiveReferenceForEveryAxisOrder() {
		Random random = new Random(7);
		int[][] shapes = { { 3, 4 }, { 2, 3, 4 }, { 2, 1, 3, 2 }, { 5 } };
		for (int[] shape : shapes) {
			int n = 1;
			for (int d : shape) {
				n *= d;
			}
			double[] src = random.doubles(n).toArray();
			for (int[] perm : permutations(shape.length)) {
				double[] out = Layouts.permute(src, shape, perm);
				assertThat(out).as(java.util.Arrays.toString(shape) + " " + java.util.Arrays.toString(perm))
					.containsExactly(naive(src, shape, perm));
			}
		}
	}

	@Test
	void identityReturnsTheSameArray() {
		double[] src = { 1, 2, 3, 4 };
		assertThat(Layouts.permute(src, new int[] { 2, 2 }, new int[] { 0, 1 })).isSameAs(src);
	}

	private static double[] naive(double[] src, int[] shape, int[] perm) {
		int rank = shape.length;
		int[] outShape = new int[rank];
		for (int j = 0; j < rank; j++) {
			outShape[j] = shape[perm[j]];
		}
		double[] out = new double[src.length];
		int[] outIndex = new int[rank];
		for (int o = 0; o < out.length; o++) {
			int rest = o;
			for (int j = rank - 1; j >= 0; j--) {
				outIndex[j] = rest % outShape[j];
				rest /= outShape[j];
			}
			int s = 0;
			int[] srcIndex = new int[rank];
			for (int j = 0; j < rank; j++) {
				srcIndex[perm[j]] = outIndex[j];
			}
			for (int i = 0; i < rank; i++) {
				s = s * shape[i] + srcIndex[i];
			}
			out[o] = src[s];
		}
		return out;
	}

	private static java.util.List<int[]> permutations(int n) {
		java.util.List<int[]> out = new java.util.ArrayList<>();
		permute(new int[n], new boolean[n], 0, out);
		return out;
	}

	private static void permute(int[] cur, boolean[] used, int k, java.util.List<int[]> out) {
		if (k == cur.length) {
			out.add(cur.clone());
			return;
		}
		for (int i = 0; i < cur.length; i++) {
			if (!used[i]) {
				used[i] = true;
				cur[k] = i;
				permute(cur, used, k + 1, out);
				used[i] = false;
			}
		}
	}

}
