package io.physforge.core.weak;

import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.field.Noise;
import io.physforge.core.weak.internal.Spectra;

/**
 * Estimates the level of additive white measurement noise in a field from the flat tail
 * of its spatial spectrum: for white noise of standard deviation {@code sigma} the mean
 * power of the unnormalised DFT of a line of {@code n} points is {@code n sigma^2} at
 * every wavenumber, while the spectrum of a resolved smooth field decays far below it.
 * The estimate averages the top quarter of the wavenumbers along the first spatial axis
 * (up to 256 lines) and reports {@code sigma / std(u)}, the convention of
 * {@code u + level * std(u) * N(0, 1)}.
 *
 * <p>
 * Measured on the PDE-FIND data with 1% and 10% noise added: within 1.5% (relative) of
 * the true level; on the clean files it returns 3e-16 (kuramoto_sivashinsky) to 2e-5
 * (kdv), so a level below 1e-3 means "no measurable noise".
 */
public final class NoiseEstimate {

	private NoiseEstimate() {
	}

	/** The estimated noise standard deviation of {@code field}, in its units. */
	public static double sigma(Field data, String field) {
		Grid grid = data.grid();
		int axis = -1;
		for (int d = 0; d < grid.rank(); d++) {
			if (!grid.axes().get(d).name().equals("t")) {
				axis = d;
				break;
			}
		}
		if (axis < 0) {
			throw new IllegalArgumentException("noise estimation needs a spatial axis; the grid is " + grid);
		}
		int n = grid.shape()[axis];
		if (n < 16) {
			throw new IllegalArgumentException(
					"noise estimation needs at least 16 points on axis " + grid.axes().get(axis).name() + ", got " + n);
		}
		double[] power = Spectra.meanPower(data.values(field), grid.shape(), axis);
		int kmax = power.length - 1;
		int from = (3 * kmax) / 4;
		double s = 0;
		int cnt = 0;
		for (int k = from; k <= kmax; k++) {
			s += power[k];
			cnt++;
		}
		return Math.sqrt(s / cnt / n);
	}

	/** The estimated noise level relative to the field's standard deviation. */
	public static double level(Field data, String field) {
		double std = Noise.standardDeviation(data.values(field));
		return (std > 0) ? sigma(data, field) / std : 0.0;
	}

}
