package io.physforge.data.preview;

/**
 * Strides that keep at most a given number of points of a 1-D or 2-D array while thinning
 * both axes about equally.
 */
final class Downsampling {

	private Downsampling() {
	}

	/**
	 * @param sizes the axis lengths (one or two)
	 * @param maxPoints the most points to keep, at least 1
	 * @return the stride of each axis; {@code ceil(n_i / s_i)} points are kept per axis
	 */
	static int[] strides(int[] sizes, long maxPoints) {
		int[] strides = new int[sizes.length];
		java.util.Arrays.fill(strides, 1);
		double total = 1;
		for (int n : sizes) {
			total *= n;
		}
		if (total > maxPoints) {
			double factor = Math.pow(total / maxPoints, 1.0 / sizes.length);
			for (int i = 0; i < sizes.length; i++) {
				strides[i] = Math.max(1, (int) Math.floor(factor));
			}
		}
		while (kept(sizes, strides) > maxPoints) {
			int widest = 0;
			for (int i = 1; i < sizes.length; i++) {
				if (ceilDiv(sizes[i], strides[i]) > ceilDiv(sizes[widest], strides[widest])) {
					widest = i;
				}
			}
			strides[widest]++;
		}
		return strides;
	}

	static long kept(int[] sizes, int[] strides) {
		long kept = 1;
		for (int i = 0; i < sizes.length; i++) {
			kept *= ceilDiv(sizes[i], strides[i]);
		}
		return kept;
	}

	static int ceilDiv(int n, int s) {
		return (n + s - 1) / s;
	}

}
