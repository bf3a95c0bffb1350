package io.physforge.core.simulate.internal;

import java.util.function.IntToDoubleFunction;

/** Builders for diagonal Fourier symbols of linear operators. */
final class Symbols {

	private Symbols() {
	}

	/** The symbol {@code re(p) + i im(p)} over the flat modes {@code p} of the grid. */
	static double[] of(SpectralGrid g, IntToDoubleFunction re, IntToDoubleFunction im) {
		double[] s = g.newArray();
		for (int p = 0; p < g.size(); p++) {
			s[2 * p] = re.applyAsDouble(p);
			s[2 * p + 1] = im.applyAsDouble(p);
		}
		return s;
	}

	/** The real symbol of {@code diffusion * laplacian + reaction}. */
	static double[] diffusion(SpectralGrid g, double diffusion, double reaction) {
		return of(g, p -> -diffusion * squaredWavenumber(g, p) + reaction, p -> 0);
	}

	/** {@code |k|^2} of mode {@code p}. */
	static double squaredWavenumber(SpectralGrid g, int p) {
		double kx = g.kx(p, false);
		double ky = g.ky(p, false);
		return kx * kx + ky * ky;
	}

}
