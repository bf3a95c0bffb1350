package io.physforge.pinn;

import java.util.Locale;
import java.util.Map;

import io.physforge.core.discovery.DiscoveredEquation;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Discovery with PINN derivatives ({@code --derivative pinn}) on PDE-FIND's Burgers and
 * KdV data with 10% noise: the exact structure, and the weak form's cross-check agreeing.
 * KdV is the case where the data-only network is not enough (it adds u^2*u_x and
 * u*u_xxx); the physics-constrained selection ({@link PinnDerivatives.Physics}, the
 * default) finds it. Measured on the 2-core machine: Burgers 124 s, KdV 125 s (227 s and
 * 338 s at load ~10) (-5.982 u*u_x - 0.9955 u_xxx; the bounds are 5%).
 */
class PinnDiscoveryAccuracyTest {

	@Test
	void findsBurgersInTenPercentNoiseFromPinnDerivatives() {
		Field data = Noise.add(DataSets.read(ReferenceData.pdeFind("burgers.h5")), 0.10, 1);
		PinnSettings pinn = PinnDerivatives
			.settings(Map.of("epochs", "500", "lbfgsIterations", "500", "dataPoints", "8000"), 1);
		DiscoveryResult r = PinnDerivatives.discover(data, DiscoverySettings.defaults().withMethod("strong"), pinn,
				TrainingMonitor.NONE);
		DiscoveredEquation e = r.equation("u_t");
		System.out.printf(Locale.ROOT, "Burgers, 10%% noise, PINN derivatives: %s; cross-check %s%n", e.text(),
				r.metrics().get("crossCheck"));
		assertThat(e.coefficients()).containsOnlyKeys("u*u_x", "u_xx");
		assertThat(e.coefficients().get("u*u_x")).isCloseTo(-1.0, within(0.02));
		assertThat(e.coefficients().get("u_xx")).isCloseTo(0.1, within(0.005));
		@SuppressWarnings("unchecked")
		Map<String, Object> check = (Map<String, Object>) r.metrics().get("crossCheck");
		assertThat(check).containsEntry("sameTerms", true);
		@SuppressWarnings("unchecked")
		Map<String, Object> source = (Map<String, Object>) r.provenance().settings().get("derivativeSource");
		assertThat(source).containsEntry("method", "pinn").containsKeys("losses", "steps", "architecture");
	}

	@Test
	void findsKdvInTenPercentNoiseFromPhysicsConstrainedPinnDerivatives() {
		Field data = Noise.add(DataSets.read(ReferenceData.pdeFind("kdv.h5")), 0.10, 1);
		PinnSettings pinn = PinnDerivatives
			.settings(Map.of("epochs", "500", "lbfgsIterations", "500", "dataPoints", "8000"), 1);
		DiscoveryResult r = PinnDerivatives.discover(data, DiscoverySettings.defaults().withMethod("strong"), pinn,
				TrainingMonitor.NONE);
		DiscoveredEquation e = r.equation("u_t");
		@SuppressWarnings("unchecked")
		Map<String, Object> physics = (Map<String, Object>) r.metrics().get("physics");
		System.out.printf(Locale.ROOT, "KdV, 10%% noise, PINN derivatives: %s; physics %s%n", e.text(), physics);
		assertThat(e.coefficients()).containsOnlyKeys("u*u_x", "u_xxx");
		assertThat(e.coefficients().get("u*u_x")).isCloseTo(-6.0, within(0.3));
		assertThat(e.coefficients().get("u_xxx")).isCloseTo(-1.0, within(0.05));
		assertThat(physics).containsEntry("mode", "path").containsEntry("converged", true);
		@SuppressWarnings("unchecked")
		Map<String, Object> check = (Map<String, Object>) r.metrics().get("crossCheck");
		assertThat(check).containsEntry("sameTerms", true);
	}

}
