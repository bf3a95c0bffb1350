package io.physforge.pinn;

import java.util.Locale;

import io.physforge.core.field.Field;
import io.physforge.core.field.Noise;
import io.physforge.core.io.DataSets;
import io.physforge.core.testing.ReferenceData;
import io.physforge.pinn.bench.RaissiBurgers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accuracy bars of the PINN engine, measured: Raissi's Burgers forward problem
 * against a spectral reference, and the inverse problem on PDE-FIND's burgers.h5 with 1%
 * noise from 2,000 points.
 */
class PinnAccuracyTest {

	@Test
	void solvesRaissisBurgersForwardProblemToOnePercent() {
		Field reference = RaissiBurgers.reference(1024, 101);
		PinnSettings settings = PinnSettings.defaults()
			.withPde(RaissiBurgers.PDE)
			.withPoints(0, 2000)
			.withEpochs(1000, 3000)
			.withSeed(0);
		PinnResult r = PinnTrainer.train(RaissiBurgers.problem(128), settings, TrainingMonitor.NONE);
		double error = RaissiBurgers.relativeL2(r.model(), reference);
		System.out.printf(Locale.ROOT, "Raissi Burgers forward: relative L2 error %.3e after %d steps in %.1f s%n",
				error, r.steps(), r.durationMillis() / 1000.0);
		assertThat(error).isLessThan(1e-2);
	}

	@Test
	void learnsBothInverseBurgersCoefficientsWithinOnePercentAtOnePercentNoise() {
		Field data = Noise.add(DataSets.read(ReferenceData.pdeFind("burgers.h5")), 0.01, 7);
		PinnSettings settings = PinnSettings.defaults()
			.withPde("u_t = c1*u*u_x + c2*u_xx")
			.withPoints(2000, 2000)
			.withEpochs(1000, 500)
			.withSeed(7);
		PinnResult r = PinnTrainer.train(data, settings, TrainingMonitor.NONE);
		double c1 = r.coefficients().get("c1");
		double c2 = r.coefficients().get("c2");
		System.out.printf(Locale.ROOT,
				"inverse Burgers, 1%% noise, 2000 points: c1 %.5f c2 %.5f after %d steps in %.1f s%n", c1, c2,
				r.steps(), r.durationMillis() / 1000.0);
		assertThat(Math.abs(c1 + 1.0)).isLessThan(0.01);
		assertThat(Math.abs(c2 - 0.1) / 0.1).isLessThan(0.01);
		assertThat(r.model().equation()).startsWith("u_t = -");
	}

}
