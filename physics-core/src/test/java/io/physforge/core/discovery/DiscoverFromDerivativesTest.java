package io.physforge.core.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.physforge.core.derivative.Derivatives;
import io.physforge.core.derivative.Differentiator;
import io.physforge.core.derivative.Differentiators;
import io.physforge.core.field.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Discovery from a derivative set computed elsewhere (a PINN, the derivative service).
 */
class DiscoverFromDerivativesTest {

	@Test
	void findsHeatEquationFromPrecomputedDerivatives() {
		Field data = DiscoveryTest.heat();
		DiscoverySettings settings = DiscoverySettings.defaults();
		List<String> names = Discovery.requiredDerivatives(data.grid(), List.of("u"), settings);
		assertThat(names).containsExactly("u", "u_t", "u_x", "u_xx", "u_xxx", "u_xxxx");
		Differentiator spectral = Differentiators.byName("spectral");
		Differentiator fd = Differentiators.byName("fd", Map.of("accuracy", "8"));
		Map<String, double[]> features = new LinkedHashMap<>();
		for (String name : names) {
			if (name.equals("u")) {
				features.put(name, data.values("u"));
			}
			else {
				String axes = name.substring(2);
				Differentiator d = axes.equals("t") ? fd : spectral;
				features.put(name, Derivatives.mixed(d, data.grid(), data.values("u"), Derivatives.ordersOf(axes)));
			}
		}
		DiscoveryResult r = Discovery.discoverFromDerivatives(new Field(data.grid(), features), List.of("u"), settings,
				Map.of("method", "test"));
		DiscoveredEquation e = r.equation("u_t");
		assertThat(e.coefficients()).containsOnlyKeys("u_xx");
		assertThat(e.coefficients().get("u_xx")).isCloseTo(0.1, within(1e-4));
		assertThat(r.provenance().settings()).containsEntry("derivativeSource", Map.of("method", "test"));
	}

	@Test
	void namesEveryMissingDerivative() {
		Field data = DiscoveryTest.heat();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Discovery.discoverFromDerivatives(data.with("u_t", data.values("u")), List.of("u"),
					DiscoverySettings.defaults(), Map.of()))
			.withMessageContaining("[u_x, u_xx, u_xxx, u_xxxx]");
	}

}
