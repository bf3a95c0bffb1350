package io.physforge.core.simulate.internal;

import java.util.List;
import java.util.Map;

import io.physforge.core.simulate.SimulationSettings;

/**
 * The 2-D lambda-omega reaction-diffusion system of PDE-FIND (Rudy et al. 2017):
 * {@code u_t = d1 (u_xx + u_yy) + lambda(A) u - omega(A) v},
 * {@code v_t = d2 (v_xx + v_yy) + omega(A) u + lambda(A) v}, {@code A^2 = u^2 + v^2},
 * {@code lambda = 1 - A^2}, {@code omega = -beta A^2}; in canonical terms
 * {@code u_t = d1*u_xx + d1*u_yy + u - u^3 - u*v^2 + beta*u^2*v + beta*v^3},
 * {@code v_t = d2*v_xx + d2*v_yy + v - beta*u^3 - beta*u*v^2 - u^2*v - v^3}. Initial
 * conditions ({@code r, theta} polar about the centre of the domain): {@code spiral} =
 * {@code tanh(r) (cos, sin)(theta - r)} (PDE-FIND's one-armed spiral),
 * {@code two-arm-spiral} = {@code tanh(r) (cos, sin)(2 theta - r)}, {@code uniform} =
 * {@code u = 0.3, v = 0.4} everywhere (whose exact solution is the ODE
 * {@code A' = A (1 - A^2)}, phase {@code theta' = -beta A^2}).
 */
final class ReactionDiffusion extends SpectralEquation {

	ReactionDiffusion() {
		super("reaction-diffusion", 2, List.of("u", "v"), false, parameters("d1", 0.1, "d2", 0.1, "beta", 1.0),
				List.of("spiral", "two-arm-spiral", "uniform"));
	}

	@Override
	public String description() {
		return "lambda-omega reaction-diffusion u_t = d1*lap(u) + (1-A^2) u + beta A^2 v,"
				+ " v_t = d2*lap(v) - beta A^2 u + (1-A^2) v, A^2 = u^2 + v^2";
	}

	@Override
	public SimulationSettings defaultSettings() {
		return new SimulationSettings(-10, 20, 128, -10, 20, 128, SimulationSettings.uniformTimes(0, 10, 101), "spiral",
				0);
	}

	@Override
	public void checkParameters(Map<String, Double> p) {
		require(param(p, "d1") >= 0, "d1", param(p, "d1"), ">= 0 (negative diffusion is ill-posed)");
		require(param(p, "d2") >= 0, "d2", param(p, "d2"), ">= 0 (negative diffusion is ill-posed)");
	}

	@Override
	public double[][] initialFields(String ic, Map<String, Double> p, SimulationSettings s) {
		double[] x = s.xCoordinates();
		double[] y = s.yCoordinates();
		double cx = s.xMin() + s.xLength() / 2;
		double cy = s.yMin() + s.yLength() / 2;
		int arms = switch (ic) {
			case "spiral" -> 1;
			case "two-arm-spiral" -> 2;
			case "uniform" -> 0;
			default -> throw Profiles.unknown(this, ic);
		};
		double[] u = new double[x.length * y.length];
		double[] v = new double[u.length];
		for (int i = 0; i < x.length; i++) {
			for (int j = 0; j < y.length; j++) {
				int k = i * y.length + j;
				if (arms == 0) {
					u[k] = 0.3;
					v[k] = 0.4;
					continue;
				}
				double dx = x[i] - cx;
				double dy = y[j] - cy;
				double r = Math.hypot(dx, dy);
				double phase = arms * Math.atan2(dy, dx) - r;
				u[k] = Math.tanh(r) * Math.cos(phase);
				v[k] = Math.tanh(r) * Math.sin(phase);
			}
		}
		return new double[][] { u, v };
	}

	@Override
	public Map<String, Map<String, Double>> trueEquation(Map<String, Double> p) {
		double d1 = param(p, "d1");
		double d2 = param(p, "d2");
		double beta = param(p, "beta");
		return Map.of("u",
				terms("u", 1.0, "u^3", -1.0, "u^2*v", beta, "u*v^2", -1.0, "v^3", beta, "u_xx", d1, "u_yy", d1), "v",
				terms("v", 1.0, "u^3", -beta, "u^2*v", -1.0, "u*v^2", -beta, "v^3", -1.0, "v_xx", d2, "v_yy", d2));
	}

	@Override
	public SpectralModel model(Map<String, Double> p, SpectralGrid g, double dx) {
		double beta = param(p, "beta");
		double[][] linear = { Symbols.diffusion(g, param(p, "d1"), 1), Symbols.diffusion(g, param(p, "d2"), 1) };
		Pointwise n = new Pointwise(g, 2, (w, r) -> {
			double a2 = w[0] * w[0] + w[1] * w[1];
			r[0] = -a2 * w[0] + beta * a2 * w[1];
			r[1] = -beta * a2 * w[0] - a2 * w[1];
		});
		return new SpectralModel(linear, n, f -> {
			double m = 0;
			for (int i = 0; i < f[0].length; i++) {
				m = Math.max(m, f[0][i] * f[0][i] + f[1][i] * f[1][i]);
			}
			return SpectralModel.reactionStep(Math.max(1, 3 * (1 + Math.abs(beta)) * m));
		});
	}

}
