package io.physforge.core.io.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The header of one numeric array in a file: enough to choose coordinates and fields
 * before any data is read.
 *
 * @param name the name the user sees and maps ({@code "usol"}, {@code "group/u"})
 * @param shape the dimensions, row-major (last fastest); empty for a scalar
 * @param dims the file's own names of the dimensions, or {@code null} if it has none
 * @param complex whether the array has an imaginary part
 * @param location how messages name it ({@code "variable 'u'"})
 */
public record ArrayInfo(String name, int[] shape, List<String> dims, boolean complex, String location) {

	public long size() {
		long n = 1;
		for (int d : this.shape) {
			n *= d;
		}
		return n;
	}

	/** The shape without dimensions of length 1. */
	public int[] squeezedShape() {
		return Arrays.stream(this.shape).filter((d) -> d != 1).toArray();
	}

	/** The shape as {@code [101 x 256]}. */
	public String shapeText() {
		return Layouts.shapeText(this.shape);
	}

}
