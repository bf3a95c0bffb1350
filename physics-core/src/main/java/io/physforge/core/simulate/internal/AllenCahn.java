package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * Allen-Cahn {@code u_t = eps*u_xx + u - u^3}; the linear part {@code eps*u_xx + u} is
 * integrated exactly. Initial conditions ({@code s = (x - xMin)/xLength}): {@code sines}
 * = {@code 0.4 sin(2 pi s) + 0.3 sin(6 pi s)}; {@code gaussian} =
 * {@code 2 exp(-((x - c)/(0.1 xLength))^2) - 1}, {@code c} the centre of the period.
 */
final class AllenCahn extends SpectralEquation {

	AllenCahn() {
		super("allen-cahn", 1, List.of("u"), false, parameters("eps", 0.01), List.of("sines", "gaussian"));
	}

	@Override
	public String description() {
		return "Allen-Cahn u_t = eps*u_xx + u - u^3";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return SimulationSettings.oneDimensional(-1, 2, 256, SimulationSettings.uniformTimes(0, 3, 101), "sines");
	}

	@Override
	public void checkParameters(Map<String, Double> p) {
		require(param(p, "eps") >= 0, "eps", param(p, "eps"), ">= 0 (negative diffusion is ill-posed)");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		double[] u = switch (ic) {
			case "sines" -> Profiles.of(s, x -> {
				double z = 2 * Math.PI * (x - s.xMin()) / s.xLength();
				return 0.4 * Math.sin(z) + 0.3 * Math.sin(3 * z);
			});
			case "gaussian" -> Profiles.of(s, x -> 2 * Profiles.gaussian(x, Profiles.center(s), 0.1 * s.xLength()) - 1);
			default -> throw Profiles.unknown(this, ic);
		};
		return new double[][] { u };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		return Map.of("u", terms("u", 1.0, "u^3", -1.0, "u_xx", param(p, "eps")));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double[][] linear = { Symbols.diffusion(g, param(p, "eps"), 1) };
		Pointwise n = new Pointwise(g, 1, (v, r) -> r[0] = -v[0] * v[0] * v[0]);
		return new SpectralModel(linear, n, f -> {
			double m = SpectralModel.maxAbs(f[0]);
			return SpectralModel.reactionStep(Math.max(1, 3 * m * m));
		});
	}

}
