package io.physforge.core.weak;

/**
 * The test function on one axis: the bump {@code (1 - (s/m)^2)^p} over {@code 2m + 1}
 * grid points, and the lattice of its centres.
 *
 * @param axis the axis name
 * @param halfWidth {@code m}, in grid points
 * @param power {@code p}
 * @param stride spacing of the centres, in grid points
 * @param centres number of centres on this axis
 * @param corner the corner wavenumber {@code k*} (DFT index) of the data's spectrum on
 * this axis, or {@code -1} when {@code m} was given
 */
public record TestFunction(String axis, int halfWidth, int power, int stride, int centres, int corner) {

	/** The first centre's index and the following ones, {@code stride} apart. */
	int[] centreIndices() {
		int[] c = new int[this.centres];
		for (int i = 0; i < this.centres; i++) {
			c[i] = this.halfWidth + i * this.stride;
		}
		return c;
	}

}
