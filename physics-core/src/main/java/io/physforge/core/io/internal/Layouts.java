package io.physforge.core.io.internal;

import java.lang.reflect.Array;
import java.util.StringJoiner;

/** Array layout helpers: shape text, axis permutation, conversion to {@code double[]}. */
public final class Layouts {

	private Layouts() {
	}

	/** {@code [101 x 256]}; {@code [scalar]} for rank 0. */
	public static String shapeText(int[] shape) {
		if (shape.length == 0) {
			return "[scalar]";
		}
		StringJoiner j = new StringJoiner(" x ", "[", "]");
		for (int d : shape) {
			j.add(Integer.toString(d));
		}
		return j.toString();
	}

	/**
	 * Reorders the axes of a row-major array: output axis {@code j} is source axis
	 * {@code perm[j]}. Returns {@code src} itself when {@code perm} is the identity, else
	 * one new array (the only copy made).
	 */
	public static double[] permute(double[] src, int[] srcShape, int[] perm) {
		int rank = srcShape.length;
		boolean identity = true;
		for (int j = 0; j < rank; j++) {
			identity &= perm[j] == j;
		}
		if (identity || src.length <= 1) {
			return src;
		}
		int[] srcStrides = new int[rank];
		int s = 1;
		for (int i = rank - 1; i >= 0; i--) {
			srcStrides[i] = s;
			s *= srcShape[i];
		}
		int[] outShape = new int[rank];
		int[] step = new int[rank];
		for (int j = 0; j < rank; j++) {
			outShape[j] = srcShape[perm[j]];
			step[j] = srcStrides[perm[j]];
		}
		double[] out = new double[src.length];
		int[] index = new int[rank];
		int offset = 0;
		int last = rank - 1;
		int lastLen = outShape[last];
		int lastStep = step[last];
		for (int o = 0; o < out.length; o += lastLen) {
			int p = offset;
			for (int k = 0; k < lastLen; k++) {
				out[o + k] = src[p];
				p += lastStep;
			}
			// advance the odometer over the outer axes
			for (int j = last - 1; j >= 0; j--) {
				index[j]++;
				offset += step[j];
				if (index[j] < outShape[j]) {
					break;
				}
				offset -= step[j] * outShape[j];
				index[j] = 0;
			}
		}
		return out;
	}

	/**
	 * A flat primitive or boxed numeric array as {@code double[]}: the same array when it
	 * already is one, else one converted copy; {@code null} when it is not numeric.
	 */
	public static double[] toDoubles(Object flat) {
		if (flat instanceof double[] d) {
			return d;
		}
		if (flat == null || !flat.getClass().isArray()) {
			return null;
		}
		int n = Array.getLength(flat);
		double[] out = new double[n];
		if (flat instanceof float[] f) {
			for (int i = 0; i < n; i++) {
				out[i] = f[i];
			}
		}
		else if (flat instanceof long[] l) {
			for (int i = 0; i < n; i++) {
				out[i] = l[i];
			}
		}
		else if (flat instanceof int[] a) {
			for (int i = 0; i < n; i++) {
				out[i] = a[i];
			}
		}
		else if (flat instanceof short[] a) {
			for (int i = 0; i < n; i++) {
				out[i] = a[i];
			}
		}
		else if (flat instanceof byte[] a) {
			for (int i = 0; i < n; i++) {
				out[i] = a[i];
			}
		}
		else if (flat instanceof boolean[] a) {
			for (int i = 0; i < n; i++) {
				out[i] = a[i] ? 1 : 0;
			}
		}
		else {
			for (int i = 0; i < n; i++) {
				Object v = Array.get(flat, i);
				if (!(v instanceof Number num)) {
					return null;
				}
				out[i] = num.doubleValue();
			}
		}
		return out;
	}

	/** Flattens a nested Java array ({@code double[][]} ...) row-major into doubles. */
	public static double[] flatten(Object nested, int size) {
		if (nested != null && nested.getClass().isArray() && nested.getClass().getComponentType().isPrimitive()) {
			return toDoubles(nested);
		}
		double[] out = new double[size];
		int[] pos = { 0 };
		if (!fill(nested, out, pos)) {
			return null;
		}
		return out;
	}

	private static boolean fill(Object a, double[] out, int[] pos) {
		if (a == null || !a.getClass().isArray()) {
			return false;
		}
		if (a.getClass().getComponentType().isPrimitive()) {
			double[] d = toDoubles(a);
			if (d == null) {
				return false;
			}
			System.arraycopy(d, 0, out, pos[0], d.length);
			pos[0] += d.length;
			return true;
		}
		int n = Array.getLength(a);
		for (int i = 0; i < n; i++) {
			if (!fill(Array.get(a, i), out, pos)) {
				return false;
			}
		}
		return true;
	}

}
