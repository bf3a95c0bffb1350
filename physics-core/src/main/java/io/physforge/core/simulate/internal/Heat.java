package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * {@code u_t = nu*u_xx}. Initial conditions: {@code gaussian} = {@code exp(-(x - c)^2)},
 * {@code c} the centre of the period; {@code modes} =
 * {@code sin(2 pi s) + 0.5 cos(6 pi s)}, {@code s = (x - xMin)/xLength}. Linear, so the
 * ETDRK4 step is the exact Fourier solution.
 */
final class Heat extends SpectralEquation {

	Heat() {
		super("heat", 1, List.of("u"), false, parameters("nu", 0.1), List.of("gaussian", "modes"));
	}

	@Override
	public String description() {
		return "heat equation u_t = nu*u_xx";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return SimulationSettings.oneDimensional(-8, 16, 256, SimulationSettings.uniformTimes(0, 10, 101), "gaussian");
	}

	@Override
	public void checkParameters(Map<String, Double> p) {
		require(param(p, "nu") >= 0, "nu", param(p, "nu"), ">= 0 (the backward heat equation is ill-posed)");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		return new double[][] { diffusiveProfile(this, ic, s) };
	}

	static double[] diffusiveProfile(SpectralEquation e, String ic, SimulationSettings s) {
		return switch (ic) {
			case "gaussian" -> Profiles.of(s, x -> Profiles.gaussian(x, Profiles.center(s), 1));
			case "modes" -> Profiles.of(s, x -> Profiles.modes(x, s));
			default -> throw Profiles.unknown(e, ic);
		};
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		return Map.of("u", terms("u_xx", param(p, "nu")));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		return SpectralModel.linear(new double[][] { Symbols.diffusion(g, param(p, "nu"), 0) });
	}

}
