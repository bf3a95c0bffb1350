package io.physforge.core.selection;

import java.util.List;
import java.util.Map;

import io.physforge.core.discovery.Discovery;
import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.DiscoverySettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelSelectionTest {

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> candidates(DiscoveryResult r) {
		Map<String, Object> em = (Map<String, Object>) ((Map<String, Object>) r.metrics().get("equations")).get("u_t");
		return (List<Map<String, Object>>) em.get("candidates");
	}

	/**
	 * Burgers at 10% noise (weak form): the whole path is returned, the front is
	 * monotone, the chosen model is the true one and on the front.
	 */
	@Test
	void paretoFrontIsMonotoneAndContainsTheChosenModel() {
		Field data = Noise.add(DataSets.read(ReferenceData.pdeFind("burgers.npz")), 0.1, 2L);
		DiscoveryResult r = Discovery.discover(data, DiscoverySettings.defaults().withMethod("weak"));
		List<Map<String, Object>> all = candidates(r);
		assertThat(all.size()).isGreaterThanOrEqualTo(4);
		int lastK = 0;
		double lastErr = Double.POSITIVE_INFINITY;
		int chosen = 0;
		for (Map<String, Object> c : all) {
			int k = (int) c.get("complexity");
			double err = (double) c.get("relativeResidual");
			assertThat((double) c.get("bic") - (double) c.get("aic")).isCloseTo(k * (Math.log(1400) - 2), within(1e-6));
			if ((boolean) c.get("pareto")) {
				assertThat(k).isGreaterThan(lastK);
				assertThat(err).isLessThan(lastErr);
				lastK = k;
				lastErr = err;
			}
			if ((boolean) c.get("chosen")) {
				chosen++;
				assertThat(c.get("terms")).isEqualTo(List.of("u*u_x", "u_xx"));
				assertThat((boolean) c.get("pareto")).isTrue();
			}
		}
		assertThat(chosen).isEqualTo(1);
	}

	@Test
	void informationCriterionPicksItsMinimum() {
		Field data = Noise.add(DataSets.read(ReferenceData.pdeFind("kdv.npz")), 0.1, 1L);
		DiscoveryResult r = Discovery.discover(data,
				DiscoverySettings.defaults().withMethod("weak").withEnsemble(0, 0.5, 1).withSelection("bic"));
		List<Map<String, Object>> all = candidates(r);
		Map<String, Object> min = all.stream()
			.min((a, b) -> Double.compare((double) a.get("bic"), (double) b.get("bic")))
			.orElseThrow();
		assertThat(min.get("chosen")).isEqualTo(true);
		assertThat(r.equations().get(0).coefficients().keySet())
			.containsExactlyElementsOf((List<String>) min.get("terms"));
		assertThatThrownBy(() -> DiscoverySettings.defaults().withSelection("cv"))
			.hasMessageContaining("model selection");
	}

	@Test
	void exactSyntheticPathRecoversTheSupport() {
		int n = 50;
		double[][] c = new double[3][n];
		double[] y = new double[n];
		java.util.Random r = new java.util.Random(1);
		for (int i = 0; i < n; i++) {
			for (double[] col : c) {
				col[i] = r.nextGaussian();
			}
			y[i] = 3 * c[1][i];
		}
		List<Candidate> path = ModelSelection.candidates(c, List.of("a", "b", "c"), y, List.of(), null);
		Candidate one = path.get(0);
		assertThat(one.terms()).containsExactly("b");
		assertThat(one.coefficients().get("b")).isCloseTo(3.0, within(1e-9));
		assertThat(one.pareto()).isTrue();
		assertThat(ModelSelection.select(path, "aic").terms()).containsExactly("b");
	}

}
