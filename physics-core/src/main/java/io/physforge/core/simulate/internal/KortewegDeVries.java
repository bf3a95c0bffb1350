package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * Korteweg-de Vries {@code u_t = -a*u*u_x - b*u_xxx} (defaults {@code a = 6, b = 1}). Its
 * soliton of speed {@code c} is {@code u = (3c/a) sech^2(sqrt(c/b)/2 (x - c t - x0))}.
 * Initial conditions: {@code two-solitons} = solitons of speed 1 at
 * {@code x0 = xMin + xLength/6} and speed 0.5 at {@code xMin + 7 xLength/12} (on the
 * default {@code [-30, 30)}: -20 and 5, the PDE-FIND data set); {@code soliton} = one
 * soliton of speed 1 at {@code xMin + xLength/4}. Both need {@code b > 0, a != 0}.
 */
final class KortewegDeVries extends SpectralEquation {

	KortewegDeVries() {
		super("kdv", 1, List.of("u"), false, parameters("a", 6.0, "b", 1.0), List.of("two-solitons", "soliton"));
	}

	@Override
	public String description() {
		return "Korteweg-de Vries u_t = -a*u*u_x - b*u_xxx";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return SimulationSettings.oneDimensional(-30, 60, 512, SimulationSettings.uniformTimes(0, 20, 201),
				"two-solitons");
	}

	/** The soliton of speed {@code c} centred at {@code x0} at time 0. */
	static double soliton(double x, double c, double x0, double a, double b) {
		double s = Profiles.sech(Math.sqrt(c / b) / 2 * (x - x0));
		return 3 * c / a * s * s;
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		double a = param(p, "a");
		double b = param(p, "b");
		if (!(b > 0) || a == 0) {
			throw new IllegalArgumentException("the kdv soliton initial conditions need b > 0 and a != 0, got a=" + a
					+ ", b=" + b + "; change the parameters");
		}
		double x0 = s.xMin();
		double l = s.xLength();
		double[] u = switch (ic) {
			case "two-solitons" ->
				Profiles.of(s, x -> soliton(x, 1, x0 + l / 6, a, b) + soliton(x, 0.5, x0 + 7 * l / 12, a, b));
			case "soliton" -> Profiles.of(s, x -> soliton(x, 1, x0 + l / 4, a, b));
			default -> throw Profiles.unknown(this, ic);
		};
		return new double[][] { u };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		return Map.of("u", terms("u*u_x", -param(p, "a"), "u_xxx", -param(p, "b")));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double a = param(p, "a");
		double b = param(p, "b");
		// -b * (i k)^3 = i b k^3
		double[][] linear = { Symbols.of(g, q -> 0, q -> b * Math.pow(g.kx(q, true), 3)) };
		return new SpectralModel(linear, new ConservativeAdvection(g, a),
				f -> SpectralModel.advectiveStep(dx, a, f[0]));
	}

}
