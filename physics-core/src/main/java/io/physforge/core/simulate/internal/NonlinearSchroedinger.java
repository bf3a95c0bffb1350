package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * Cubic nonlinear Schroedinger {@code i psi_t + a psi_xx + b |psi|^2 psi = 0} with
 * {@code psi = u + i v} (defaults {@code a = 0.5, b = 1}), i.e.
 * {@code u_t = -a*v_xx - b*u^2*v - b*v^3}, {@code v_t = a*u_xx + b*u^3 + b*u*v^2}.
 * Integrated as one complex component: the linear symbol {@code -i a k^2} is diagonal in
 * {@code psi}. Initial conditions ({@code c} the centre of the period): {@code sech} =
 * {@code 2 sech(x - c)} (the PDE-FIND data set); {@code soliton} = {@code sech(x - c)},
 * which for the default parameters is the standing soliton
 * {@code sech(x - c) exp(i t / 2)}.
 */
final class NonlinearSchroedinger extends SpectralEquation {

	NonlinearSchroedinger() {
		super("nls", 1, List.of("u", "v"), true, parameters("a", 0.5, "b", 1.0), List.of("sech", "soliton"));
	}

	@Override
	public String description() {
		return "nonlinear Schroedinger i psi_t + a psi_xx + b |psi|^2 psi = 0, psi = u + i v";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return SimulationSettings.oneDimensional(-5, 10, 512, SimulationSettings.uniformTimes(0, Math.PI, 501), "sech");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		double c = Profiles.center(s);
		double[] u = switch (ic) {
			case "sech" -> Profiles.of(s, x -> 2 * Profiles.sech(x - c));
			case "soliton" -> Profiles.of(s, x -> Profiles.sech(x - c));
			default -> throw Profiles.unknown(this, ic);
		};
		return new double[][] { u, new double[u.length] };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		double a = param(p, "a");
		double b = param(p, "b");
		return Map.of("u", terms("u^2*v", -b, "v^3", -b, "v_xx", -a), "v", terms("u^3", b, "u*v^2", b, "u_xx", a));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double a = param(p, "a");
		double b = param(p, "b");
		double[][] linear = { Symbols.of(g, q -> 0, q -> -a * Symbols.squaredWavenumber(g, q)) };
		double[] psi = g.newArray();
		Nonlinearity n = (state, out) -> {
			g.toPhysical(state[0], psi);
			for (int i = 0; i < psi.length; i += 2) {
				double re = psi[i];
				double im = psi[i + 1];
				double m = b * (re * re + im * im);
				psi[i] = -m * im;
				psi[i + 1] = m * re;
			}
			g.toSpectralDealiased(psi, out[0]);
		};
		return new SpectralModel(linear, n, f -> {
			double m = 0;
			for (int i = 0; i < f[0].length; i++) {
				m = Math.max(m, f[0][i] * f[0][i] + f[1][i] * f[1][i]);
			}
			return SpectralModel.reactionStep(3 * Math.abs(b) * m);
		});
	}

}
