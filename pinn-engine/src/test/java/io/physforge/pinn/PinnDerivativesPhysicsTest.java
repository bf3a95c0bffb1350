package io.physforge.pinn;

import java.util.List;
import java.util.Map;

import io.physforge.core.field.Axis;
import io.physforge.core.field.Field;
import io.physforge.core.field.Grid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The pieces of physics-in-the-loop PINN discovery that need no long training: the
 * {@code physics*} options, and a warm start that continues from the given network and
 * coefficients (a few seconds).
 */
class PinnDerivativesPhysicsTest {

	@Test
	void physicsOptionsAreParsedApartFromThePinnSettings() {
		Map<String, String> options = Map.of("physics", "sparse", "physicsIterations", "50", "physicsTolerance", "0.05",
				"epochs", "10");
		PinnDerivatives.Physics p = PinnDerivatives.Physics.from(options);
		assertThat(p.mode()).isEqualTo("sparse");
		assertThat(p.iterations()).isEqualTo(50);
		assertThat(p.tolerance()).isEqualTo(0.05);
		assertThat(PinnDerivatives.settings(options, 3).epochs()).isEqualTo(10);
		PinnDerivatives.Physics d = PinnDerivatives.Physics.from(Map.of());
		assertThat(d.mode()).isEqualTo("path");
		assertThat(d.tolerance()).isNaN();
		assertThatThrownBy(() -> PinnDerivatives.Physics.from(Map.of("physics", "magic")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("[none, path, sparse]");
	}

	@Test
	void aWarmStartContinuesFromTheGivenNetworkAndCoefficients() {
		Grid grid = Grid.of(Axis.uniform("t", 0, 0.1, 11), Axis.uniform("x", -1, 0.1, 21));
		double[] u = new double[grid.size()];
		for (int i = 0; i < 11; i++) {
			for (int j = 0; j < 21; j++) {
				u[i * 21 + j] = Math.sin(Math.PI * (-1 + 0.1 * j)) * Math.exp(-0.1 * i);
			}
		}
		Field data = Field.of(grid, "u", u);
		PinnSettings settings = PinnSettings.defaults()
			.withLayers(List.of(8, 8))
			.withLearningRate(1e-2)
			.withEpochs(500, 0);
		PinnProblem problem = PinnProblem.fromField(data, 0, 0);
		PinnResult first = PinnTrainer.train(problem, settings, TrainingMonitor.NONE);
		double misfit = PinnDerivatives.dataMisfit(first.model(), problem);
		assertThat(misfit).isCloseTo(first.losses().get("data"), within(1e-9 + 1e-6 * misfit));
		// one Adam step of 1e-9: the run must report the network and coefficient it was
		// given
		PinnSettings constrained = settings.withPde("u_t = c1*u").withEpochs(1, 0).withLearningRate(1e-9);
		PinnResult next = PinnTrainer.train(problem, constrained, TrainingMonitor.NONE, first.model(),
				Map.of("c1", -0.3));
		assertThat(misfit).isLessThan(0.05);
		assertThat(next.losses().get("data")).isCloseTo(misfit, within(1e-6 * misfit));
		assertThat(next.coefficients().get("c1")).isCloseTo(-0.3, within(1e-6));
		assertThat(PinnDerivatives.dataMisfit(next.model(), problem)).isCloseTo(misfit, within(1e-6 * misfit));
	}

}
