package io.physforge.core.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The fast real-field transforms (real FFT in 1-D, two fields per complex FFT) against
 * the plain complex path, and the 2/3-rule mask. Measured agreement 1e-15.
 */
class SpectralGridTest {

	@Test
	void realTransformsMatchComplexOnes() {
		SpectralGrid g = new SpectralGrid(24, 3, 1, 0);
		double[] physical = g.newArray();
		for (int j = 0; j < 24; j++) {
			physical[2 * j] = Math.exp(Math.sin(2 * Math.PI * j / 24)) + 0.3 * Math.cos(2 * Math.PI * 11 * j / 24);
		}
		double[] viaComplex = g.newArray();
		g.toSpectralDealiased(physical, viaComplex);
		double[] real = new double[24];
		for (int j = 0; j < 24; j++) {
			real[j] = physical[2 * j];
		}
		double[] viaReal = g.newArray();
		g.toSpectralRealDealiased(real, viaReal);
		assertThat(viaReal).containsExactly(viaComplex, within(1e-13));
		double[] back = new double[24];
		double[] spectrum = physical.clone();
		g.forward(spectrum);
		g.toPhysicalReal(spectrum, back);
		for (int j = 0; j < 24; j++) {
			assertThat(back[j]).isCloseTo(physical[2 * j], within(1e-13));
		}
	}

	@Test
	void pairedTransformsMatchSeparateOnes() {
		SpectralGrid g = new SpectralGrid(12, 5, 10, 7);
		double[] a = g.newArray();
		double[] b = g.newArray();
		for (int p = 0; p < g.size(); p++) {
			int i = p / 10;
			int j = p % 10;
			a[2 * p] = Math.sin(2 * Math.PI * i / 12) * Math.cos(2 * Math.PI * 3 * j / 10) + 0.1 * i;
			b[2 * p] = Math.exp(Math.cos(2 * Math.PI * (i / 12.0 + j / 10.0)));
		}
		double[] aHat = g.newArray();
		double[] bHat = g.newArray();
		g.toSpectralDealiased(a, aHat);
		g.toSpectralDealiased(b, bHat);
		double[] z = g.newArray();
		for (int p = 0; p < g.size(); p++) {
			z[2 * p] = a[2 * p];
			z[2 * p + 1] = b[2 * p];
		}
		double[] aPair = g.newArray();
		double[] bPair = g.newArray();
		g.toSpectralPairDealiased(z, aPair, bPair);
		assertThat(aPair).containsExactly(aHat, within(1e-12));
		assertThat(bPair).containsExactly(bHat, within(1e-12));
		double[] back = g.newArray();
		g.toPhysicalPair(aHat, bHat, back);
		double[] expectedA = aHat.clone();
		double[] expectedB = bHat.clone();
		g.inverse(expectedA);
		g.inverse(expectedB);
		for (int p = 0; p < g.size(); p++) {
			assertThat(back[2 * p]).isCloseTo(expectedA[2 * p], within(1e-13));
			assertThat(back[2 * p + 1]).isCloseTo(expectedB[2 * p], within(1e-13));
		}
	}

	@Test
	void twoThirdsRuleKeepsModesBelowAThirdOfTheGrid() {
		SpectralGrid g = new SpectralGrid(12, 2 * Math.PI, 1, 0);
		double[] hat = g.newArray();
		java.util.Arrays.fill(hat, 1);
		double[] physical = hat.clone();
		g.inverse(physical);
		double[] masked = g.newArray();
		g.toSpectralDealiased(physical, masked);
		// modes m = 0..3 and -3..-1 survive (3|m| < 12); 4..8 are removed
		for (int p = 0; p < 12; p++) {
			int m = (p <= 6) ? p : p - 12;
			double expected = (3 * Math.abs(m) < 12) ? 1 : 0;
			assertThat(masked[2 * p]).as("mode " + m).isCloseTo(expected, within(1e-13));
		}
	}

}
