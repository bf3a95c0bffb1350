package io.physforge.core.discovery;

import java.util.List;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The pipeline on analytic solutions, where the true equation is known exactly. */
class DiscoveryTest {

	/** Heat equation u_t = 0.1 u_xx: a sum of decaying Fourier modes on [0, 2 pi). */
	static Field heat() {
		int nt = 101;
		int nx = 128;
		Axis t = Axis.uniform("t", 0, 0.01, nt);
		Axis x = Axis.uniform("x", 0, 2 * Math.PI / nx, nx);
		double[] u = new double[nt * nx];
		double[] amp = { 1.0, 0.6, 0.3, 0.2 };
		double[] phase = { 0.1, 1.3, 2.0, 0.7 };
		for (int i = 0; i < nt; i++) {
			for (int j = 0; j < nx; j++) {
				double s = 0;
				for (int k = 1; k <= 4; k++) {
					s += amp[k - 1] * Math.exp(-0.1 * k * k * t.at(i)) * Math.sin(k * x.at(j) + phase[k - 1]);
				}
				u[i * nx + j] = s;
			}
		}
		return Field.of(Grid.of(t, x), "u", u);
	}

	@Test
	void findsHeatEquationWithSpectralDerivatives() {
		DiscoveryResult r = Discovery.discover(heat(), DiscoverySettings.defaults().withDerivative("spectral"));
		DiscoveredEquation e = r.equation("u_t");
		assertThat(e.coefficients()).containsOnlyKeys("u_xx");
		assertThat(e.coefficients().get("u_xx")).isCloseTo(0.1, within(1e-6));
		assertThat(e.latex()).isEqualTo("u_{t} = 0.1000 u_{xx}");
		assertThat(e.text()).isEqualTo("u_t = 0.1000*u_xx");
	}

	@Test
	void recordsMetricsAndProvenance() {
		Field data = heat();
		DiscoverySettings settings = DiscoverySettings.defaults().withSeed(7);
		DiscoveryResult r = Discovery.discover(data, settings);
		assertThat(r.metrics()).containsKeys("rows", "librarySize", "timeMillis", "equations", "derivativeSelection");
		assertThat(r.metrics().get("librarySize")).isEqualTo(20);
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> eqs = (Map<String, Map<String, Object>>) r.metrics().get("equations");
		assertThat((double) eqs.get("u_t").get("r2")).isGreaterThan(0.999999);
		Provenance p = r.provenance();
		assertThat(p.seed()).isEqualTo(7);
		assertThat(p.inputSha256()).hasSize(64)
			.isEqualTo(Discovery.discover(data, settings).provenance().inputSha256());
		assertThat(p.version()).isNotBlank().isNotEqualTo("unknown");
		assertThat(p.settings()).containsEntry("derivative", "auto").containsKeys("chosenDerivative", "regression");
		// same seed, same answer
		assertThat(Discovery.discover(data, settings).equations()).isEqualTo(r.equations());
	}

	@Test
	void findsTwoDimensionalAdvectionWithMixedLibrary() {
		int nt = 41;
		int n = 32;
		Axis t = Axis.uniform("t", 0, 0.02, nt);
		Axis x = Axis.uniform("x", 0, 2 * Math.PI / n, n);
		Axis y = Axis.uniform("y", 0, 2 * Math.PI / n, n);
		double c = 0.7;
		double d = -0.4;
		double[] u = new double[nt * n * n];
		for (int i = 0; i < nt; i++) {
			for (int j = 0; j < n; j++) {
				for (int k = 0; k < n; k++) {
					double a = x.at(j) - c * t.at(i);
					double b = y.at(k) - d * t.at(i);
					u[(i * n + j) * n + k] = Math.exp(Math.sin(a) + 0.5 * Math.cos(b + a));
				}
			}
		}
		Field data = Field.of(Grid.of(t, x, y), "u", u);
		DiscoveryResult r = Discovery.discover(data,
				DiscoverySettings.defaults().withDerivative("spectral").withMaxOrder(2).withDegree(2));
		Map<String, Double> coef = r.equation("u_t").coefficients();
		assertThat(coef).containsOnlyKeys("u_x", "u_y");
		assertThat(coef.get("u_x")).isCloseTo(-c, within(1e-4));
		assertThat(coef.get("u_y")).isCloseTo(-d, within(1e-4));
		assertThat(r.metrics().get("library").toString()).contains("u*u_xy", "u_yy");
	}

	@Test
	void subsamplesLargeGridsReproducibly() {
		Field data = heat();
		DiscoverySettings s = DiscoverySettings.defaults().withDerivative("fd").withMaxRows(2000).withSeed(3);
		DiscoveryResult a = Discovery.discover(data, s);
		assertThat(a.metrics().get("rows")).isEqualTo(2000);
		assertThat(a.equation("u_t").coefficients()).containsOnlyKeys("u_xx");
		assertThat(Discovery.discover(data, s).equations()).isEqualTo(a.equations());
	}

	@Test
	void explainsBadInput() {
		Field noTime = Field.of(Grid.of(Axis.uniform("x", 0, 1, 50)), "u", new double[50]);
		assertThatIllegalArgumentException().isThrownBy(() -> Discovery.discover(noTime, DiscoverySettings.defaults()))
			.withMessageContaining("no time axis 't'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Discovery.discover(heat(), DiscoverySettings.defaults().withTargets(List.of("w"))))
			.withMessageContaining("no field 'w'");
		Field tiny = Field.of(Grid.of(Axis.uniform("t", 0, 1, 6), Axis.uniform("x", 0, 1, 12)), "u", new double[72]);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Discovery.discover(tiny, DiscoverySettings.defaults().withDerivative("fd")))
			.withMessageContaining("points");
		assertThatIllegalArgumentException().isThrownBy(() -> DiscoverySettings.defaults().withMaxOrder(5))
			.withMessageContaining("1 to 4");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Discovery.discover(heat(), DiscoverySettings.defaults().withDerivative("magic")))
			.withMessageContaining("magic");
	}

}
