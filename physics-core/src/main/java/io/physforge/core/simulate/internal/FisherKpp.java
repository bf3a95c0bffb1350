package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * Fisher-KPP {@code u_t = D*u_xx + r*u - r*u^2}; fronts travel at {@code 2 sqrt(r D)}.
 * Initial conditions: {@code gaussian} = {@code exp(-(x - c)^2)}, {@code c} the centre of
 * the period; {@code plateau} = {@code (1 - tanh(|x - c| - xLength/8)) / 2}.
 */
final class FisherKpp extends SpectralEquation {

	FisherKpp() {
		super("fisher-kpp", 1, List.of("u"), false, parameters("D", 1.0, "r", 1.0), List.of("gaussian", "plateau"));
	}

	@Override
	public String description() {
		return "Fisher-KPP u_t = D*u_xx + r*u - r*u^2";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return SimulationSettings.oneDimensional(-40, 80, 512, SimulationSettings.uniformTimes(0, 10, 101), "gaussian");
	}

	@Override
	public void checkParameters(Map<String, Double> p) {
		require(param(p, "D") >= 0, "D", param(p, "D"), ">= 0 (negative diffusion is ill-posed)");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		double c = Profiles.center(s);
		double[] u = switch (ic) {
			case "gaussian" -> Profiles.of(s, x -> Profiles.gaussian(x, c, 1));
			case "plateau" -> Profiles.of(s, x -> (1 - Math.tanh(Math.abs(x - c) - s.xLength() / 8)) / 2);
			default -> throw Profiles.unknown(this, ic);
		};
		return new double[][] { u };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		double r = param(p, "r");
		return Map.of("u", terms("u", r, "u^2", -r, "u_xx", param(p, "D")));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double r = param(p, "r");
		double[][] linear = { Symbols.diffusion(g, param(p, "D"), r) };
		Pointwise n = new Pointwise(g, 1, (v, out) -> out[0] = -r * v[0] * v[0]);
		return new SpectralModel(linear, n,
				f -> SpectralModel.reactionStep(Math.abs(r) * Math.max(1, 2 * SpectralModel.maxAbs(f[0]))));
	}

}
