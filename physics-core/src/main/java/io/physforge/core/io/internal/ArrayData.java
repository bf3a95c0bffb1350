package io.physforge.core.io.internal;

/**
 * The values of one array, flat row-major in its {@link ArrayInfo#shape()}.
 *
 * @param real the real values (the array itself when it is real)
 * @param imag the imaginary parts, or {@code null} for a real array
 */
public record ArrayData(double[] real, double[] imag) {

}
