package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * {@code u_t = -c*u_x + nu*u_xx}; initial conditions as for the heat equation
 * ({@code gaussian}, {@code modes}). Linear, so each step is the exact Fourier solution
 * (shift by {@code c t}, decay {@code exp(-nu k^2 t)}).
 */
final class AdvectionDiffusion extends SpectralEquation {

	AdvectionDiffusion() {
		super("advection-diffusion", 1, List.of("u"), false, parameters("c", 1.0, "nu", 0.1),
				List.of("gaussian", "modes"));
	}

	@Override
	public String description() {
		return "advection-diffusion u_t = -c*u_x + nu*u_xx";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return SimulationSettings.oneDimensional(-8, 16, 256, SimulationSettings.uniformTimes(0, 5, 101), "gaussian");
	}

	@Override
	public void checkParameters(Map<String, Double> p) {
		require(param(p, "nu") >= 0, "nu", param(p, "nu"), ">= 0 (negative diffusion is ill-posed)");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		return new double[][] { Heat.diffusiveProfile(this, ic, s) };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		return Map.of("u", terms("u_x", -param(p, "c"), "u_xx", param(p, "nu")));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double c = param(p, "c");
		double nu = param(p, "nu");
		return SpectralModel.linear(
				new double[][] { Symbols.of(g, q -> -nu * Symbols.squaredWavenumber(g, q), q -> -c * g.kx(q, true)) });
	}

}
