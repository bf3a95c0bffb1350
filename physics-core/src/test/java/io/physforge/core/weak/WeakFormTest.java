package io.physforge.core.weak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import io.physforge.core.library.Term;
import io.physforge.core.weak.internal.Bump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The weak system on manufactured fields, the library mapping, and bad input. */
class WeakFormTest {

	private static final int NT = 161;

	private static final int NX = 128;

	private static Grid grid1d() {
		return Grid.of(Axis.uniform("t", 0, 0.0125, NT), Axis.uniform("x", 0, 2 * Math.PI / NX, NX));
	}

	private static double[] sample(Grid g, DoubleBinaryOperator f) {
		double[] out = new double[g.size()];
		double[] t = g.axis("t").values();
		double[] x = g.axis("x").values();
		for (int i = 0; i < t.length; i++) {
			for (int j = 0; j < x.length; j++) {
				out[i * x.length + j] = f.applyAsDouble(t[i], x[j]);
			}
		}
		return out;
	}

	private static double relDiff(double[] a, double[] b) {
		double d = 0;
		double n = 0;
		for (int i = 0; i < a.length; i++) {
			d += (a[i] - b[i]) * (a[i] - b[i]);
			n += b[i] * b[i];
		}
		return Math.sqrt(d / n);
	}

	private static double[] scaled(double[] a, double s) {
		double[] out = a.clone();
		for (int i = 0; i < out.length; i++) {
			out[i] *= s;
		}
		return out;
	}

	@Test
	void integrationByPartsMatchesAnalyticDerivatives() {
		Grid g = grid1d();
		// u = e^-t sin x + 0.5 e^-4t cos 2x solves u_t = u_xx
		DoubleBinaryOperator u = (t, x) -> Math.exp(-t) * Math.sin(x) + 0.5 * Math.exp(-4 * t) * Math.cos(2 * x);
		DoubleBinaryOperator ux = (t, x) -> Math.exp(-t) * Math.cos(x) - Math.exp(-4 * t) * Math.sin(2 * x);
		DoubleBinaryOperator uxxx = (t, x) -> -Math.exp(-t) * Math.cos(x) + 4 * Math.exp(-4 * t) * Math.sin(2 * x);
		Map<String, double[]> values = new LinkedHashMap<>();
		values.put("u", sample(g, u));
		values.put("v", sample(g, (t, x) -> u.applyAsDouble(t, x) * ux.applyAsDouble(t, x)));
		values.put("w", sample(g, uxxx));
		Field data = new Field(g, values);
		List<Term> terms = List.of(Term.parse("u_xx"), Term.parse("u*u_x"), Term.parse("v"), Term.parse("u_xxx"),
				Term.parse("w"), Term.parse("u^2*u_x"), Term.parse("u*u_xx"), Term.parse("u*v_x"));
		WeakSystem s = WeakForm.build(data, terms,
				WeakFormSettings.defaults()
					.withTargets(List.of("u"))
					.withTestFunction("t", 30, 0)
					.withTestFunction("x", 20, 0));
		assertThat(s.names()).containsExactly("u_xx", "u*u_x", "v", "u_xxx", "w", "u^2*u_x");
		assertThat(s.excluded()).containsOnlyKeys("u*u_xx", "u*v_x");
		assertThat(s.excluded().get("u*u_xx")).contains("derivatives of the data");
		double[][] gm = s.columns();
		// u_t = u_xx
		assertThat(relDiff(s.target("u_t"), gm[0])).isLessThan(1e-6);
		// u*u_x = (u^2)_x / 2 against the analytic product
		assertThat(relDiff(gm[1], gm[2])).isLessThan(1e-6);
		// odd order: the sign of (-1)^3
		assertThat(relDiff(gm[3], gm[4])).isLessThan(1e-6);
		assertThat(s.rows()).isGreaterThan(100).isLessThanOrEqualTo(2000);
	}

	/**
	 * Product-rule columns ({@code WeakFormSettings.productRule}): {@code u*u_xx} as
	 * {@code (u^2)_xx / 2 - u_x^2} and {@code u*v_x} as {@code (u v)_x - u_x v}, the
	 * remainders from fourth-order differences of the data, against the same integrals of
	 * the analytic products (measured relative differences 1.5e-6 and 4e-7 on 128 points
	 * per period).
	 */
	@Test
	void productRuleColumnsMatchAnalyticProducts() {
		Grid g = grid1d();
		DoubleBinaryOperator u = (t, x) -> Math.exp(-t) * Math.sin(x) + 0.5 * Math.exp(-4 * t) * Math.cos(2 * x);
		DoubleBinaryOperator uxx = (t, x) -> -Math.exp(-t) * Math.sin(x) - 2 * Math.exp(-4 * t) * Math.cos(2 * x);
		DoubleBinaryOperator v = (t, x) -> Math.cos(x + t);
		DoubleBinaryOperator vx = (t, x) -> -Math.sin(x + t);
		Map<String, double[]> values = new LinkedHashMap<>();
		values.put("u", sample(g, u));
		values.put("v", sample(g, v));
		values.put("p", sample(g, (t, x) -> u.applyAsDouble(t, x) * uxx.applyAsDouble(t, x)));
		values.put("q", sample(g, (t, x) -> u.applyAsDouble(t, x) * vx.applyAsDouble(t, x)));
		Field data = new Field(g, values);
		WeakFormSettings settings = WeakFormSettings.defaults()
			.withTargets(List.of("u"))
			.withTestFunction("t", 30, 0)
			.withTestFunction("x", 20, 0);
		List<Term> terms = List.of(Term.parse("u*u_xx"), Term.parse("u*v_x"), Term.parse("p"), Term.parse("q"));
		WeakSystem without = WeakForm.build(data, terms, settings);
		assertThat(without.excluded()).containsOnlyKeys("u*u_xx", "u*v_x");
		WeakSystem s = WeakForm.build(data, terms, settings.withProductRule(true));
		assertThat(s.names()).containsExactly("u*u_xx", "u*v_x", "p", "q");
		assertThat(s.excluded()).isEmpty();
		double[][] gm = s.columns();
		assertThat(relDiff(gm[0], gm[2])).isLessThan(1e-5);
		assertThat(relDiff(gm[1], gm[3])).isLessThan(1e-5);
	}

	/**
	 * Discovery with product-rule columns: variable-coefficient advection
	 * {@code u_t = v*u_x} with a static {@code v = 1 + 0.5 sin x} (exact solution along
	 * the characteristics), library degree 2 and order 2 in two fields (30 terms, none
	 * excluded), 100 members. Measured errors of the coefficient: clean 3.7e-9, 10% noise
	 * 9.8e-3 (seed 1). At 1% noise (below WeakForm.NOISE_CORRECTION_LEVEL, plain MSTLS)
	 * five wrong terms are kept: a known limit, not asserted.
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "noise {0}: max rel error <= {1}")
	@org.junit.jupiter.params.provider.CsvSource({ "0.0, 1e-6", "0.1, 2e-2" })
	void discoversAProductRuleTerm(double level, double bound) {
		int nx = 256;
		int nt = 101;
		Axis t = Axis.uniform("t", 0, 0.02, nt);
		Axis x = Axis.uniform("x", 0, 2 * Math.PI / nx, nx);
		java.util.function.DoubleUnaryOperator v = (z) -> 1 + 0.5 * Math.sin(z);
		double[] u = new double[nt * nx];
		double[] vv = new double[nt * nx];
		for (int i = 0; i < nt; i++) {
			int steps = (int) Math.ceil(t.at(i) / 0.002);
			double h = (steps > 0) ? t.at(i) / steps : 0;
			for (int j = 0; j < nx; j++) {
				// u is constant along dx/dt = -v(x): follow the characteristic back to t
				// = 0
				double xi = x.at(j);
				for (int s = 0; s < steps; s++) {
					double k1 = v.applyAsDouble(xi);
					double k2 = v.applyAsDouble(xi + h / 2 * k1);
					double k3 = v.applyAsDouble(xi + h / 2 * k2);
					double k4 = v.applyAsDouble(xi + h * k3);
					xi += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
				}
				u[i * nx + j] = Math.sin(xi) + 0.5 * Math.cos(2 * xi);
				vv[i * nx + j] = v.applyAsDouble(x.at(j));
			}
		}
		Field clean = new Field(Grid.of(t, x), Map.of("u", u, "v", vv));
		Field data = (level == 0) ? clean : io.physforge.core.field.Noise.add(clean, level, 1L);
		DiscoveryResult r = WeakForm.discover(data,
				WeakFormSettings.defaults().withTargets(List.of("u")).withLibrary(2, 2).withProductRule(true),
				io.physforge.core.ensemble.EnsembleSettings.of(100, 1L), "method");
		Map<String, Double> found = r.equation("u_t").coefficients();
		assertThat(found.keySet()).as(r.equation("u_t").text()).containsExactly("v*u_x");
		assertThat(Math.abs(found.get("v*u_x") - 1)).as(r.equation("u_t").text()).isLessThan(bound);
	}

	@Test
	void twoDimensionalMixedDerivatives() {
		int n = 32;
		Grid g = Grid.of(Axis.uniform("t", 0, 0.02, 41), Axis.uniform("x", 0, 2 * Math.PI / n, n),
				Axis.uniform("y", 0, 2 * Math.PI / n, n));
		double[] u = new double[g.size()];
		double[] w = new double[g.size()];
		int k = 0;
		for (double t : g.axis("t").values()) {
			for (double x : g.axis("x").values()) {
				for (double y : g.axis("y").values()) {
					u[k] = Math.exp(-5 * t) * Math.sin(x) * Math.cos(2 * y);
					w[k] = -2 * Math.exp(-5 * t) * Math.cos(x) * Math.sin(2 * y);
					k++;
				}
			}
		}
		Map<String, double[]> values = new LinkedHashMap<>();
		values.put("u", u);
		values.put("w", w);
		Field data = new Field(g, values);
		WeakSystem s = WeakForm.build(data,
				List.of(Term.parse("u_xx"), Term.parse("u_yy"), Term.parse("u_xy"), Term.parse("w"), Term.parse("u")),
				WeakFormSettings.defaults()
					.withTargets(List.of("u"))
					.withTestFunction("t", 12, 0)
					.withTestFunction("x", 10, 0)
					.withTestFunction("y", 10, 0));
		double[][] gm = s.columns();
		assertThat(relDiff(gm[2], gm[3])).isLessThan(1e-6);
		assertThat(relDiff(gm[1], scaled(gm[4], -4))).isLessThan(1e-6);
		double[] sum = gm[0].clone();
		for (int i = 0; i < sum.length; i++) {
			sum[i] += gm[1][i];
		}
		assertThat(relDiff(s.target("u_t"), sum)).isLessThan(1e-6);
	}

	@Test
	void bumpDerivativesHaveTheRightMoments() {
		// sum_j phi^(k)(x_j) x_j^k h = (-1)^k k! sum_j phi(x_j) h (parts, k times)
		int m = 25;
		double h = 0.1;
		double[] phi = Bump.kernel(m, 14, 0, h);
		double mass = 0;
		for (double v : phi) {
			mass += v * h;
		}
		double factorial = 1;
		for (int k = 1; k <= 4; k++) {
			factorial *= k;
			double[] d = Bump.kernel(m, 14, k, h);
			double moment = 0;
			for (int j = -m; j <= m; j++) {
				moment += d[j + m] * Math.pow(j * h, k) * h;
			}
			assertThat(moment).isCloseTo(((k % 2 == 0) ? 1 : -1) * factorial * mass,
					org.assertj.core.data.Offset.offset(1e-7 * factorial * mass));
		}
	}

	@Test
	void resultCarriesLibraryExclusionsTestFunctionsAndProvenance() {
		Field data = WeakTestData.noisy(WeakTestData.read("burgers"), 0.01, 7L);
		DiscoveryResult r = WeakForm.discover(data, WeakFormSettings.defaults().withSeed(7L));
		@SuppressWarnings("unchecked")
		List<String> library = (List<String>) r.metrics().get("library");
		assertThat(library).containsExactly("1", "u", "u^2", "u^3", "u_x", "u*u_x", "u^2*u_x", "u^3*u_x", "u_xx",
				"u_xxx", "u_xxxx");
		@SuppressWarnings("unchecked")
		Map<String, String> excluded = (Map<String, String>) r.metrics().get("excluded");
		assertThat(excluded).containsKeys("u*u_xx", "u^3*u_xxxx").hasSize(9);
		assertThat(r.metrics()).containsKeys("testFunctions", "noiseLevel", "rows", "equations", "timeMillis");
		assertThat(r.provenance().seed()).isEqualTo(7L);
		assertThat(r.provenance().settings()).containsEntry("method", "weak").containsKey("testFunctions");
		assertThat(r.provenance().inputSha256()).hasSize(64);
	}

	@Test
	void fixedThresholdUsesStlsq() {
		Field data = WeakTestData.noisy(WeakTestData.read("kdv"), 0.01, 1L);
		DiscoveryResult r = WeakForm.discover(data, WeakFormSettings.defaults().withThreshold(0.05));
		assertThat(r.equation("u_t").coefficients()).containsOnlyKeys("u*u_x", "u_xxx");
	}

	@Test
	void badInputIsRejectedWithAClearMessage() {
		Grid g = grid1d();
		Field data = Field.of(g, "u", sample(g, (t, x) -> Math.sin(x - t)));
		WeakFormSettings d = WeakFormSettings.defaults();
		assertThatThrownBy(() -> WeakForm.discover(data, d.withTargets(List.of("q"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no field 'q'");
		assertThatThrownBy(() -> WeakForm.discover(data, d.withTestFunction("x", 100, 0)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("does not fit");
		assertThatThrownBy(() -> WeakForm.discover(data, d.withTestFunction("x", 10, 3)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must exceed the derivative order 4");
		assertThatThrownBy(() -> d.withThreshold(2.0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("threshold");
		assertThatThrownBy(() -> d.withTestFunction("q", 10, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("unknown axis 'q'");
		double[] t = g.axis("t").values().clone();
		t[5] += 0.003;
		Grid bent = Grid.of(new Axis("t", t), g.axis("x"));
		assertThatThrownBy(() -> WeakForm.discover(Field.of(bent, "u", data.values("u")), d))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("axis t is not uniform");
		assertThatThrownBy(() -> WeakForm.build(data, List.of(Term.parse("u*u_xx")), d))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("has a weak form");
	}

}
