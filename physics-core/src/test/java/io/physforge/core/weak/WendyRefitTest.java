package io.physforge.core.weak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.physforge.core.discovery.DiscoveryResult;
import io.physforge.core.discovery.TermCoefficient;
import io.physforge.core.ensemble.EnsembleSettings;
import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.simulate.Simulations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WENDy refit ({@code internal.Wendy}: generalised least squares with the weak
 * residual's covariance summed point by point, reweighted, errors-in-variables corrected)
 * on built-in simulations and PDE-FIND sets at 10% noise, default weak-form settings with
 * a 100-member ensemble, seeds 1..8 (kdv has a column that is the derivative of a
 * nonlinear monomial, {@code u*u_x = (u^2/2)_x}, whose noise slope varies inside each
 * test function). Burgers is not among them: its gain is in the tail (worst error over
 * seeds 1..20 at 10% noise 1.29e-2 -> 9.9e-3), while the root mean square of the worst
 * errors over seeds 1..8 is 4.5e-3 against 4.2e-3 for least squares. Its gain is a
 * smaller spread, not a smaller error on every draw, so it is compared with least squares
 * by the root mean square of the per-seed worst errors (measured with the test-function
 * width cap: advection-diffusion 6.0e-3 vs 8.2e-3, allen-cahn 1.1e-2 vs 1.6e-2). Measured
 * with NoiseSweepBench over seeds 1..5 (docs/benchmarks.md, "Heavy noise, third pass"):
 * worst errors advection-diffusion 2.7e-2 -> 1.05e-2, allen-cahn 3.2e-2 -> 1.8e-2, heat
 * 8.9e-3 -> 8.2e-3.
 */
class WendyRefitTest {

	/**
	 * Exact structure, the generalised refit used, its worst error over the seeds below
	 * the bound, its root-mean-square error over the seeds below that of the
	 * least-squares refit it starts from, and each coefficient within four of its
	 * standard errors of the truth (the GLS covariance is calibrated).
	 */
	@ParameterizedTest(name = "{0} at 10% noise: worst rel error <= {1}")
	@CsvSource({ "advection-diffusion, 0.015", "allen-cahn, 0.025", "kdv, 0.008" })
	void beatsLeastSquaresAtTenPercentNoise(String name, double bound) {
		boolean simulated = Simulations.names().contains(name);
		Field clean = simulated ? Simulations.simulate(name) : WeakTestData.read(name);
		Map<String, Double> truth = simulated
				? Simulations.trueEquation(name, Simulations.defaultParameters(name)).get("u")
				: WeakTestData.TRUTH.get(name);
		double worst = 0;
		double squares = 0;
		double squaresLeastSquares = 0;
		List<String> found = new ArrayList<>();
		for (long seed = 1; seed <= 8; seed++) {
			DiscoveryResult r = WeakForm.discover(Noise.add(clean, 0.1, seed), WeakFormSettings.defaults(),
					EnsembleSettings.of(EnsembleSettings.DEFAULT_MEMBERS, seed), "method");
			String text = r.equation("u_t").text();
			found.add(seed + ": " + text);
			Map<String, Double> c = r.equation("u_t").coefficients();
			assertThat(c.keySet()).as(text).containsExactlyInAnyOrderElementsOf(truth.keySet());
			Map<String, Object> em = equationMetrics(r);
			assertThat(em.get("refitMethod")).as(text).isEqualTo("wendy");
			double error = WeakTestData.maxRelativeError(c, truth);
			double errorLeastSquares = WeakTestData.maxRelativeError(leastSquares(em), truth);
			worst = Math.max(worst, error);
			squares += error * error;
			squaresLeastSquares += errorLeastSquares * errorLeastSquares;
			Map<String, Double> se = standardErrors(em);
			for (TermCoefficient t : r.equation("u_t").terms()) {
				assertThat(Math.abs(t.coefficient() - truth.get(t.term())))
					.as(t.term() + " in " + text + ", se " + se.get(t.term()))
					.isLessThan(4 * se.get(t.term()));
				assertThat(t.ci()[0]).isLessThan(t.coefficient());
				assertThat(t.ci()[1]).isGreaterThan(t.coefficient());
			}
		}
		assertThat(worst).as(String.join("\n", found)).isLessThan(bound);
		assertThat(Math.sqrt(squares / 8)).as("root mean square error, GLS vs least squares")
			.isLessThan(Math.sqrt(squaresLeastSquares / 8));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> equationMetrics(DiscoveryResult r) {
		return (Map<String, Object>) ((Map<String, Object>) r.metrics().get("equations")).get("u_t");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Double> leastSquares(Map<String, Object> em) {
		return (Map<String, Double>) ((Map<String, Object>) em.get("wendy")).get("leastSquares");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Double> standardErrors(Map<String, Object> em) {
		return (Map<String, Double>) em.get("standardErrors");
	}

	/**
	 * Clean data (the residual is discretisation error, not noise) and noise above
	 * {@code WENDY_MAX_LEVEL} (the covariance is first order in the noise) keep ordinary
	 * least squares.
	 */
	@Test
	void leastSquaresWhereTheCovarianceModelDoesNotApply() {
		DiscoveryResult clean = WeakForm.discover(Simulations.simulate("advection-diffusion"),
				WeakFormSettings.defaults());
		DiscoveryResult heavy = WeakForm.discover(Noise.add(WeakTestData.read("burgers"), 0.5, 2L),
				WeakFormSettings.defaults());
		for (DiscoveryResult r : List.of(clean, heavy)) {
			assertThat(equationMetrics(r).get("refitMethod")).as(r.equation("u_t").text()).isEqualTo("least squares");
		}
	}

}
