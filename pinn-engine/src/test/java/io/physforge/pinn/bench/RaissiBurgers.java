package io.physforge.pinn.bench;

import java.util.Map;

import io.physforge.core.field.Field;
import io.physforge.core.simulate.SimulationSettings;
import io.physforge.core.simulate.Simulations;
import io.physforge.pinn.PinnProblem;

/**
 * Raissi, Perdikaris and Karniadakis's (2019) Burgers forward problem:
 * {@code u_t + u u_x = (0.01/pi) u_xx} on {@code x in [-1, 1], t in [0, 1]} with
 * {@code u(0, x) = -sin(pi x)} and {@code u(t, -1) = u(t, 1) = 0}, and its reference
 * solution by physics-core's Fourier/ETDRK4 solver (the solution stays odd and
 * 2-periodic, so the periodic solver gives the Dirichlet one).
 */
public final class RaissiBurgers {

	/** The equation with its true coefficients. */
	public static final String PDE = "u_t = -1*u*u_x + 0.0031830988618379067*u_xx";

	private RaissiBurgers() {
	}

	/**
	 * Initial values at {@code n} points and boundary values at {@code n} times per side.
	 */
	public static PinnProblem problem(int n) {
		double[][] ic = new double[n][];
		double[][] icv = new double[n][];
		for (int i = 0; i < n; i++) {
			double x = -1 + 2.0 * i / (n - 1);
			ic[i] = new double[] { 0, x };
			icv[i] = new double[] { -Math.sin(Math.PI * x) };
		}
		double[][] bc = new double[2 * n][];
		double[][] bcv = new double[2 * n][];
		for (int i = 0; i < n; i++) {
			double t = (double) i / (n - 1);
			bc[2 * i] = new double[] { t, -1 };
			bc[2 * i + 1] = new double[] { t, 1 };
			bcv[2 * i] = new double[] { 0 };
			bcv[2 * i + 1] = new double[] { 0 };
		}
		return new PinnProblem(java.util.List.of("t", "x"), java.util.List.of("u"), new double[] { 0, -1 },
				new double[] { 1, 1 }, null, new PinnProblem.Points(ic, icv), new PinnProblem.Points(bc, bcv),
				"Raissi Burgers forward problem", "");
	}

	/**
	 * The reference solution on {@code nx} points of [-1, 1) and {@code nt} times of [0,
	 * 1].
	 */
	public static Field reference(int nx, int nt) {
		return Simulations.simulate("burgers", Map.of("nu", 0.01 / Math.PI),
				SimulationSettings.oneDimensional(-1, 2, nx, SimulationSettings.uniformTimes(0, 1, nt), "sine")
					.withTimeStep(1e-4));
	}

	/** Relative L2 error of the network against the reference on the reference's grid. */
	public static double relativeL2(io.physforge.pinn.PinnModel model, Field reference) {
		Field predicted = model.evaluate(reference.grid(), java.util.List.of("u"));
		double[] p = predicted.values("u");
		double[] r = reference.values("u");
		double num = 0;
		double den = 0;
		for (int i = 0; i < r.length; i++) {
			num += (p[i] - r[i]) * (p[i] - r[i]);
			den += r[i] * r[i];
		}
		return Math.sqrt(num / den);
	}

	/**
	 * Relative L2 difference of two solutions at the coarse one's points (the fine grid
	 * nests it).
	 */
	public static double relativeL2(Field coarse, Field fine) {
		int nt = coarse.grid().shape()[0];
		int nc = coarse.grid().shape()[1];
		int nf = fine.grid().shape()[1];
		int ratio = nf / nc;
		double num = 0;
		double den = 0;
		for (int i = 0; i < nt; i++) {
			for (int j = 0; j < nc; j++) {
				double a = coarse.values("u")[i * nc + j];
				double b = fine.values("u")[i * nf + j * ratio];
				num += (a - b) * (a - b);
				den += b * b;
			}
		}
		return Math.sqrt(num / den);
	}

}
