package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * Kuramoto-Sivashinsky {@code u_t = -u*u_x - u_xx - u_xxxx} (no parameters). Initial
 * conditions: {@code kassam-trefethen} = {@code cos(2 pi x / L)(1 + sin(2 pi x / L))},
 * {@code L = xLength} (with the default {@code L = 32 pi}: {@code cos(x/16)(1 +
 * sin(x/16))} of Kassam &amp; Trefethen 2005 and the PDE-FIND data set); {@code cosine} =
 * {@code cos(2 pi x / L)}.
 */
final class KuramotoSivashinsky extends SpectralEquation {

	KuramotoSivashinsky() {
		super("kuramoto-sivashinsky", 1, List.of("u"), false, parameters(), List.of("kassam-trefethen", "cosine"));
	}

	@Override
	public String description() {
		return "Kuramoto-Sivashinsky u_t = -u*u_x - u_xx - u_xxxx";
	}

	@Override
	public SimulationSettings defaultSettings() {
		double l = 32 * Math.PI;
		return SimulationSettings.oneDimensional(l / 1024, l, 1024, SimulationSettings.uniformTimes(0, 100, 251),
				"kassam-trefethen");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		double w = 2 * Math.PI / s.xLength();
		double[] u = switch (ic) {
			case "kassam-trefethen" -> Profiles.of(s, x -> Math.cos(w * x) * (1 + Math.sin(w * x)));
			case "cosine" -> Profiles.of(s, x -> Math.cos(w * x));
			default -> throw Profiles.unknown(this, ic);
		};
		return new double[][] { u };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		return Map.of("u", terms("u*u_x", -1.0, "u_xx", -1.0, "u_xxxx", -1.0));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double[][] linear = { Symbols.of(g, q -> {
			double k2 = Symbols.squaredWavenumber(g, q);
			return k2 - k2 * k2;
		}, q -> 0) };
		return new SpectralModel(linear, new ConservativeAdvection(g, 1),
				f -> SpectralModel.advectiveStep(dx, 1, f[0]));
	}

}
