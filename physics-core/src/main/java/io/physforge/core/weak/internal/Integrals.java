package io.physforge.core.weak.internal;

/**
 * Separable discrete integrals of a grid function against a product of 1-D kernels
 * centred on a lattice of query points: one axis at a time, each pass a direct
 * correlation evaluated only at the query centres. The array is flat row-major with the
 * last axis fastest, as {@link io.physforge.core.field.Field} stores it.
 */
public final class Integrals {

	private Integrals() {
	}

	/**
	 * Reduces one axis:
	 * {@code out[.., q, ..] = sum_j kernel[j] in[.., centres[q] - m + j, ..]} with
	 * {@code m = (kernel.length - 1) / 2}.
	 * @param in the values, of shape {@code shape}
	 * @param shape the shape of {@code in}; its entry {@code axis} is replaced by the
	 * number of centres on return
	 * @return the reduced array, of the updated shape
	 */
	public static double[] reduce(double[] in, int[] shape, int axis, double[] kernel, int[] centres) {
		int outer = 1;
		for (int d = 0; d < axis; d++) {
			outer *= shape[d];
		}
		int inner = 1;
		for (int d = axis + 1; d < shape.length; d++) {
			inner *= shape[d];
		}
		int n = shape[axis];
		int q = centres.length;
		int m = (kernel.length - 1) / 2;
		double[] out = new double[outer * q * inner];
		for (int o = 0; o < outer; o++) {
			int inBase = o * n * inner;
			int outBase = o * q * inner;
			for (int c = 0; c < q; c++) {
				int start = centres[c] - m;
				int outOff = outBase + c * inner;
				if (inner == 1) {
					double s = 0;
					int off = inBase + start;
					for (int j = 1; j < kernel.length - 1; j++) {
						s += kernel[j] * in[off + j];
					}
					out[outOff] = s;
				}
				else {
					for (int j = 1; j < kernel.length - 1; j++) {
						double kj = kernel[j];
						int inOff = inBase + (start + j) * inner;
						for (int i = 0; i < inner; i++) {
							out[outOff + i] += kj * in[inOff + i];
						}
					}
				}
			}
		}
		shape[axis] = q;
		return out;
	}

}
