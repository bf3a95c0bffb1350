package io.physforge.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.physforge.core.field.Field;

/**
 * Built-in simulations against exact solutions, plus the API contract. Measured maximal
 * errors: heat 6.1e-16 and advection-diffusion 1.3e-15 (exact Fourier modes); pure
 * advection of a Gaussian 4.4e-16; KdV soliton (256 points on [-30, 30), t &lt;= 5)
 * 1.9e-7; NLS standing soliton (t &lt;= 2) 2.1e-7; uniform 2-D reaction-diffusion vs its
 * ODE solution 9.0e-8.
 */
class SimulationsTest {

	private static final double[] TIMES = SimulationSettings.uniformTimes(0, 2, 11);

	@Test
	void heatDecaysFourierModesExactly() {
		double nu = 0.3;
		SimulationSettings s = SimulationSettings.oneDimensional(-1, 4, 64, TIMES, "modes");
		Field f = Simulations.simulate("heat", Map.of("nu", nu), s);
		double k = 2 * Math.PI / 4;
		double error = maxError(f, "u", (t, x) -> {
			double z = k * (x + 1);
			return Math.exp(-nu * k * k * t) * Math.sin(z) + 0.5 * Math.exp(-nu * 9 * k * k * t) * Math.cos(3 * z);
		});
		assertThat(error).isLessThan(1e-13);
	}

	@Test
	void advectionDiffusionShiftsAndDecaysFourierModesExactly() {
		double c = 0.7;
		double nu = 0.05;
		SimulationSettings s = SimulationSettings.oneDimensional(0, 2 * Math.PI, 32, TIMES, "modes");
		Field f = Simulations.simulate("advection-diffusion", Map.of("c", c, "nu", nu), s);
		double error = maxError(f, "u", (t, x) -> {
			double z = x - c * t;
			return Math.exp(-nu * t) * Math.sin(z) + 0.5 * Math.exp(-nu * 9 * t) * Math.cos(3 * z);
		});
		assertThat(error).isLessThan(1e-13);
	}

	@Test
	void pureAdvectionShiftsAGaussian() {
		SimulationSettings s = SimulationSettings.oneDimensional(-8, 16, 256, TIMES, "gaussian");
		Field f = Simulations.simulate("advection-diffusion", Map.of("c", 1.5, "nu", 0.0), s);
		double error = maxError(f, "u", (t, x) -> {
			double sum = 0;
			for (int image = -2; image <= 2; image++) {
				double z = x - 1.5 * t + 16 * image;
				sum += Math.exp(-z * z);
			}
			return sum;
		});
		assertThat(error).isLessThan(1e-12);
	}

	@Test
	void kdvSolitonTravelsAtItsSpeed() {
		// u = (c/2) sech^2(sqrt(c)/2 (x - c t - x0)), c = 1, x0 = -30 + 60/4 = -15
		SimulationSettings s = SimulationSettings.oneDimensional(-30, 60, 256,
				SimulationSettings.uniformTimes(0, 5, 11), "soliton");
		Field f = Simulations.simulate("kdv", null, s);
		double error = maxError(f, "u", (t, x) -> {
			double sech = 1 / Math.cosh(0.5 * (x - t + 15));
			return 0.5 * sech * sech;
		});
		assertThat(error).isLessThan(1e-6);
	}

	@Test
	void nlsSolitonRotatesInPhase() {
		// psi = sech(x) exp(i t / 2)
		SimulationSettings s = SimulationSettings.oneDimensional(-15, 30, 256, TIMES, "soliton");
		Field f = Simulations.simulate("nls", null, s);
		assertThat(maxError(f, "u", (t, x) -> Math.cos(t / 2) / Math.cosh(x))).isLessThan(1e-6);
		assertThat(maxError(f, "v", (t, x) -> Math.sin(t / 2) / Math.cosh(x))).isLessThan(1e-6);
	}

	@Test
	void uniformReactionDiffusionFollowsItsOde() {
		double beta = 1.5;
		SimulationSettings s = Simulations.defaultSettings("reaction-diffusion")
			.withX(0, 10, 8)
			.withY(0, 10, 8)
			.withTimes(TIMES)
			.withInitialCondition("uniform");
		Field f = Simulations.simulate("reaction-diffusion", Map.of("beta", beta), s);
		// A^2 = 1 / (1 + c e^{-2t}), c = 1/A0^2 - 1; theta = theta0 - beta/2 ln((e^{2t} +
		// c)/(1 + c))
		double c = 1 / 0.25 - 1;
		double theta0 = Math.atan2(0.4, 0.3);
		double error = 0;
		for (int i = 0; i < TIMES.length; i++) {
			double t = TIMES[i];
			double a = Math.sqrt(1 / (1 + c * Math.exp(-2 * t)));
			double theta = theta0 - beta / 2 * Math.log((Math.exp(2 * t) + c) / (1 + c));
			for (int j = 0; j < 64; j++) {
				error = Math.max(error, Math.abs(f.values("u")[i * 64 + j] - a * Math.cos(theta)));
				error = Math.max(error, Math.abs(f.values("v")[i * 64 + j] - a * Math.sin(theta)));
			}
		}
		assertThat(error).isLessThan(5e-7);
	}

	@Test
	void everyDefaultProducesFiniteChangingData() {
		for (String name : Simulations.names()) {
			SimulationSettings d = Simulations.defaultSettings(name);
			// coarser copy of the default: same domain and initial condition, fewer
			// points
			SimulationSettings s = d.withX(d.xMin(), d.xLength(), Math.min(d.nx(), 128))
				.withTimes(java.util.Arrays.copyOf(d.times(), Math.min(d.timeCount(), 21)));
			if (d.twoDimensional()) {
				s = s.withY(d.yMin(), d.yLength(), 32).withX(d.xMin(), d.xLength(), 32);
			}
			Field f = Simulations.simulate(name, null, s);
			assertThat(f.fieldNames()).isEqualTo(Simulations.fields(name));
			assertThat(f.grid().axes().get(0).name()).isEqualTo("t");
			assertThat(f.grid().rank()).isEqualTo(1 + Simulations.dimension(name));
			int n = f.grid().size() / s.timeCount();
			double[] u = f.values("u");
			double change = 0;
			for (int j = 0; j < n; j++) {
				assertThat(u[(s.timeCount() - 1) * n + j]).as(name).isFinite();
				change = Math.max(change, Math.abs(u[(s.timeCount() - 1) * n + j] - u[j]));
			}
			assertThat(change).as(name + " changes").isGreaterThan(1e-3);
		}
	}

	@Test
	void trueEquationsUseCanonicalTerms() {
		assertThat(Simulations.names()).containsExactly("heat", "advection-diffusion", "burgers", "kdv",
				"kuramoto-sivashinsky", "allen-cahn", "fisher-kpp", "nls", "reaction-diffusion");
		assertThat(Simulations.trueEquation("burgers", null))
			.isEqualTo(Map.of("u", Map.of("u*u_x", -1.0, "u_xx", 0.1)));
		assertThat(Simulations.trueEquation("kdv", null)).isEqualTo(Map.of("u", Map.of("u*u_x", -6.0, "u_xxx", -1.0)));
		assertThat(Simulations.trueEquation("kuramoto-sivashinsky", null))
			.isEqualTo(Map.of("u", Map.of("u*u_x", -1.0, "u_xx", -1.0, "u_xxxx", -1.0)));
		assertThat(Simulations.trueEquation("nls", null)).isEqualTo(Map.of("u",
				Map.of("v_xx", -0.5, "u^2*v", -1.0, "v^3", -1.0), "v", Map.of("u_xx", 0.5, "u^3", 1.0, "u*v^2", 1.0)));
		assertThat(Simulations.trueEquation("fisher-kpp", Map.of("r", 2.0)))
			.isEqualTo(Map.of("u", Map.of("u_xx", 1.0, "u", 2.0, "u^2", -2.0)));
		assertThat(Simulations.trueEquation("allen-cahn", null))
			.isEqualTo(Map.of("u", Map.of("u_xx", 0.01, "u", 1.0, "u^3", -1.0)));
		assertThat(Simulations.trueEquation("advection-diffusion", Map.of("nu", 0.0)))
			.isEqualTo(Map.of("u", Map.of("u_x", -1.0)));
		assertThat(Simulations.trueEquation("reaction-diffusion", Map.of("beta", 2.0)).get("u")).isEqualTo(
				Map.of("u_xx", 0.1, "u_yy", 0.1, "u", 1.0, "u^3", -1.0, "u*v^2", -1.0, "u^2*v", 2.0, "v^3", 2.0));
		assertThat(Simulations.trueEquation("reaction-diffusion", Map.of("beta", 2.0)).get("v")).isEqualTo(
				Map.of("v_xx", 0.1, "v_yy", 0.1, "v", 1.0, "u^3", -2.0, "u*v^2", -2.0, "u^2*v", -1.0, "v^3", -1.0));
	}

	@Test
	void provenanceRecordsInputsAndRun() {
		SimulationSettings s = Simulations.defaultSettings("burgers").withTimes(TIMES);
		SimulationResult r = Simulations.simulateWithProvenance("burgers", Map.of("nu", 0.2), s);
		SimulationProvenance p = r.provenance();
		assertThat(p.equation()).isEqualTo("burgers");
		assertThat(p.parameters()).isEqualTo(Map.of("nu", 0.2));
		assertThat(p.settings()).isEqualTo(s);
		assertThat(p.trueEquation()).isEqualTo(Map.of("u", Map.of("u*u_x", -1.0, "u_xx", 0.2)));
		assertThat(p.method()).contains("ETDRK4");
		assertThat(p.steps()).isGreaterThanOrEqualTo(10);
		assertThat(p.maxTimeStep()).isLessThanOrEqualTo(0.2 + 1e-12);
		assertThat(p.asMap()).containsKeys("equation", "parameters", "settings", "softwareVersion", "createdAt");
	}

	@Test
	void userTimeStepCapsTheInternalStep() {
		SimulationSettings s = Simulations.defaultSettings("heat").withTimes(TIMES).withTimeStep(0.01);
		SimulationResult r = Simulations.simulateWithProvenance("heat", null, s);
		assertThat(r.provenance().steps()).isEqualTo(200);
		assertThat(r.provenance().maxTimeStep()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
	}

	@Test
	void badInputIsRejectedWithTheFix() {
		SimulationSettings heat = Simulations.defaultSettings("heat");
		assertThatThrownBy(() -> Simulations.simulate("heat-2d", null, null)).hasMessageContaining("known: [heat");
		assertThatThrownBy(() -> Simulations.simulate("heat", Map.of("mu", 1.0), null))
			.hasMessageContaining("unknown parameter 'mu'")
			.hasMessageContaining("[nu]");
		assertThatThrownBy(() -> Simulations.simulate("heat", Map.of("nu", -1.0), null)).hasMessageContaining(">= 0");
		assertThatThrownBy(() -> Simulations.simulate("heat", Map.of("nu", Double.NaN), null))
			.hasMessageContaining("finite");
		assertThatThrownBy(() -> Simulations.simulate("heat", null, heat.withInitialCondition("step")))
			.hasMessageContaining("known: [gaussian, modes]");
		assertThatThrownBy(() -> Simulations.simulate("heat", null, heat.withY(0, 1, 16)))
			.hasMessageContaining("is 1-D");
		assertThatThrownBy(() -> Simulations.simulate("reaction-diffusion", null, heat)).hasMessageContaining("is 2-D");
		assertThatThrownBy(() -> heat.withX(0, 1, 63)).hasMessageContaining("nx must be even");
		assertThatThrownBy(() -> heat.withTimes(new double[] { 0, 1, 1 })).hasMessageContaining("strictly increasing");
		assertThatThrownBy(() -> heat.withTimeStep(-1)).hasMessageContaining("timeStep");
	}

	@FunctionalInterface
	private interface Exact {

		double at(double t, double x);

	}

	private static double maxError(Field f, String field, Exact exact) {
		double[] t = f.grid().axis("t").values();
		double[] x = f.grid().axis("x").values();
		double[] u = f.values(field);
		double error = 0;
		for (int i = 0; i < t.length; i++) {
			for (int j = 0; j < x.length; j++) {
				error = Math.max(error, Math.abs(u[i * x.length + j] - exact.at(t[i], x[j])));
			}
		}
		return error;
	}

}
