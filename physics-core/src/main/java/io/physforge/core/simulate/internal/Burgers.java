package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * Viscous Burgers {@code u_t = -u*u_x + nu*u_xx}. Initial conditions: {@code gaussian} =
 * {@code exp(-(x - c)^2)} with {@code c = xMin + 3 xLength / 8} (= -2 on the default
 * {@code [-8, 8)}: the PDE-FIND data set), {@code sine} = {@code sin(2 pi s)},
 * {@code s = (x - xMin)/xLength}.
 */
final class Burgers extends SpectralEquation {

	Burgers() {
		super("burgers", 1, List.of("u"), false, parameters("nu", 0.1), List.of("gaussian", "sine"));
	}

	@Override
	public String description() {
		return "viscous Burgers u_t = -u*u_x + nu*u_xx";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return SimulationSettings.oneDimensional(-8, 16, 256, SimulationSettings.uniformTimes(0, 10, 101), "gaussian");
	}

	@Override
	public void checkParameters(Map<String, Double> p) {
		require(param(p, "nu") >= 0, "nu", param(p, "nu"), ">= 0 (negative viscosity is ill-posed)");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		double[] u = switch (ic) {
			case "gaussian" -> Profiles.of(s, x -> Profiles.gaussian(x, s.xMin() + 3 * s.xLength() / 8, 1));
			case "sine" -> Profiles.of(s, x -> Math.sin(2 * Math.PI * (x - s.xMin()) / s.xLength()));
			default -> throw Profiles.unknown(this, ic);
		};
		return new double[][] { u };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		return Map.of("u", terms("u*u_x", -1.0, "u_xx", param(p, "nu")));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double[][] linear = { Symbols.diffusion(g, param(p, "nu"), 0) };
		return new SpectralModel(linear, new ConservativeAdvection(g, 1),
				f -> SpectralModel.advectiveStep(dx, 1, f[0]));
	}

}
